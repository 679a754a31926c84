package io.orderflow.payment.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.testinfra.RealInfrastructure;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.POSTGRES;
import static io.orderflow.testinfra.Infrastructure.TOKENS;
import static io.orderflow.testinfra.Infrastructure.TRACES;

/**
 * The shared application context of payment-service's integration tests, on real Kafka
 * and PostgreSQL, with tokens from {@code TestTokens}, calling the real provider
 * simulator ({@link ProviderSimulator}): every class with this annotation gets the same
 * one. Each test starts with the provider up and the circuit breaker closed.
 * <p>
 * The client's timeout (1 s) is shorter than the simulator's {@code tok_slow} delay
 * ({@value ProviderSimulator#SLOW_DELAY_SECONDS} s); backoffs and the circuit's open time
 * are short so outages heal quickly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ProviderSimulator.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.payment.provider.timeout=1s", "orderflow.payment.provider.retry.initial-backoff=50ms",
				"orderflow.payment.provider.retry.max-backoff=200ms",
				"orderflow.payment.provider.circuit-breaker.open-duration=1s",
				"orderflow.messaging.consumer.transient-max-backoff=1s",
				"orderflow.messaging.consumer.unclassified-backoff=100ms" })
@Import(Saga.class)
@RealInfrastructure(value = { KAFKA, POSTGRES, TRACES, TOKENS }, database = "payment_it")
public @interface PaymentFlowTest {

}
