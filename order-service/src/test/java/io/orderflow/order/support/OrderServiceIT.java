package io.orderflow.order.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.order.OrderServiceApplication;
import io.orderflow.testinfra.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.POSTGRES;
import static io.orderflow.testinfra.Infrastructure.TOKENS;
import static io.orderflow.testinfra.Infrastructure.TRACES;

/**
 * The one application context of order-service's integration tests: the whole service on
 * a random port, real Kafka and PostgreSQL, scripted participants, and tokens from
 * {@code TestTokens}. Deadlines are the defaults; tests move the clock past them instead
 * of waiting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = { OrderServiceApplication.class, FlowTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.order.saga.deadline-poll-interval=100ms",
				"orderflow.messaging.consumer.unclassified-backoff=100ms",
				"spring.jpa.properties.hibernate.session_factory.statement_inspector=io.orderflow.order.support.StatementCounter" })
@RealInfrastructure(value = { KAFKA, POSTGRES, TRACES, TOKENS }, database = "order_service_it")
public @interface OrderServiceIT {

}
