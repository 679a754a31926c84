package io.orderflow.gateway.problem;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.springframework.stereotype.Component;

/**
 * How long a client should wait before calling an unavailable service again: until its
 * breaker lets a trial call through, an upper bound when the breaker is already open.
 */
@Component
class RetryAfter {

	private final CircuitBreakerRegistry breakers;

	RetryAfter(CircuitBreakerRegistry breakers) {
		this.breakers = breakers;
	}

	/** Seconds, for the breaker of that name or the default one. */
	String seconds(String breaker) {
		CircuitBreakerConfig config = this.breakers.find(breaker)
			.map(CircuitBreaker::getCircuitBreakerConfig)
			.orElseGet(this.breakers::getDefaultConfig);
		long millis = config.getWaitIntervalFunctionInOpenState().apply(1);
		return Long.toString(Math.max(1, Math.ceilDiv(millis, 1000)));
	}

}
