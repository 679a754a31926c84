package io.orderflow.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.testinfra.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.MONGO;
import static io.orderflow.testinfra.Infrastructure.TOKENS;

/**
 * The one application context of the tests: the whole service on a real port, on real
 * Kafka and mongo-java-server, with tokens from {@code TestTokens}. Tests share it, so
 * each works on orders and customers of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "orderflow.messaging.consumer.unclassified-backoff=100ms")
@RealInfrastructure(value = { KAFKA, MONGO, TOKENS }, database = "notifications")
@interface NotificationIT {

}
