package io.orderflow.inventory.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.inventory.InventoryServiceApplication;
import io.orderflow.testinfra.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.POSTGRES;
import static io.orderflow.testinfra.Infrastructure.TOKENS;
import static io.orderflow.testinfra.Infrastructure.TRACES;

/**
 * The one application context of the integration tests: the whole service on a real port,
 * on real Kafka and a fresh PostgreSQL database, with the catalogue seeded as in the
 * embedded stack and tokens from {@code TestTokens}. Tests share it, so each works on
 * products and orders of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = InventoryServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		// Dead-letter the commands that keep failing for no known reason sooner.
		"orderflow.messaging.consumer.unclassified-backoff=100ms" })
@RealInfrastructure(value = { KAFKA, POSTGRES, TRACES, TOKENS }, database = "inventory")
public @interface InventoryIT {

}
