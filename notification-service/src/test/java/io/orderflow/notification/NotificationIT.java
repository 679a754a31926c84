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
 * Kafka and mongo-java-server, with tokens from {@code TestTokens}, a clock the tests
 * move and a channel they script ({@link NotificationTestConfiguration}). Tests share it,
 * so each works on orders and customers of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { NotificationServiceApplication.class, NotificationTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.messaging.consumer.unclassified-backoff=100ms",
				"orderflow.notification.channel=scripted",
				// Backoffs far longer than any test: only moving the clock makes a retry
				// due.
				"orderflow.notification.delivery.max-attempts=" + NotificationIT.MAX_ATTEMPTS,
				"orderflow.notification.delivery.initial-backoff=1m",
				"orderflow.notification.delivery.max-backoff=" + NotificationIT.MAX_BACKOFF,
				"orderflow.notification.delivery.lease=10m", "orderflow.notification.delivery.poll-interval=50ms" })
@RealInfrastructure(value = { KAFKA, MONGO, TOKENS }, database = "notifications")
@interface NotificationIT {

	int MAX_ATTEMPTS = 4;

	String MAX_BACKOFF = "4m";

}
