package io.orderflow.messaging.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.testinfra.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.POSTGRES;
import static io.orderflow.testinfra.Infrastructure.TRACES;

/**
 * The shared application context of the integration tests: every class with this
 * annotation gets the same one, on real Kafka, PostgreSQL and the trace sink.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = MessagingTestApplication.class, properties = {
		// What the OpenTelemetry Java agent does at run time, as library interceptors.
		"spring.kafka.producer.properties.interceptor.classes=io.opentelemetry.instrumentation.kafkaclients.v2_6.TracingProducerInterceptor",
		"spring.kafka.consumer.properties.interceptor.classes=io.opentelemetry.instrumentation.kafkaclients.v2_6.TracingConsumerInterceptor",
		// Tests stop PostgreSQL and the broker: notice sooner, recover sooner.
		"spring.datasource.hikari.connection-timeout=2000", "orderflow.messaging.consumer.transient-max-backoff=1s",
		"orderflow.messaging.consumer.unclassified-backoff=100ms", "orderflow.messaging.relay.max-backoff=2s",
		"orderflow.messaging.relay.leader-retry=500ms" })
@RealInfrastructure(value = { KAFKA, POSTGRES, TRACES }, database = "messaging_it")
public @interface MessagingIT {

}
