package io.orderflow.payment;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderflow.payment.*}: the defaults run against the embedded stack's provider
 * simulator and suit a real provider alike.
 *
 * @param provider the external card provider and how it is called
 */
@ConfigurationProperties("orderflow.payment")
public record PaymentProperties(@DefaultValue Provider provider) {

	/**
	 * @param baseUrl where the provider's API is ({@code ./orderflow up} passes the
	 * simulator's)
	 * @param connectTimeout how long establishing a connection may take
	 * @param timeout how long one call may take before its answer is given up as unknown
	 * (Resilience4j's time limiter)
	 * @param retry retries of one call, before the failure is reported
	 * @param circuitBreaker when to stop calling a provider that keeps failing
	 * @param bulkhead how many calls may be in flight at once
	 */
	public record Provider(@DefaultValue("http://127.0.0.1:8090") URI baseUrl,
			@DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration timeout,
			@DefaultValue Retry retry, @DefaultValue CircuitBreaker circuitBreaker, @DefaultValue Bulkhead bulkhead) {

	}

	/**
	 * Retries of 5xx and 429 answers, timeouts and I/O failures (never of another 4xx)
	 * with exponential backoff and jitter, so that payment-service instances retrying
	 * after the same provider hiccup do not all come back at the same moment.
	 *
	 * @param maxAttempts calls in all, the first included
	 * @param initialBackoff the pause before the first retry
	 * @param multiplier how much each pause grows
	 * @param jitter the randomization factor: each pause is drawn from ±jitter around its
	 * value
	 * @param maxBackoff the longest pause
	 */
	public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
			@DefaultValue("2") double multiplier, @DefaultValue("0.5") double jitter,
			@DefaultValue("2s") Duration maxBackoff) {

	}

	/**
	 * A count-based circuit breaker over the last calls; 5xx, timeouts and I/O failures
	 * count as failures, any other answer (a decline included) as a success.
	 *
	 * @param failureRateThreshold the failure percentage that opens it
	 * @param minimumNumberOfCalls calls before the rate is judged at all
	 * @param slidingWindowSize how many recent calls the rate is over
	 * @param openDuration how long it stays open before letting trial calls through
	 * @param halfOpenCalls trial calls that decide whether it closes again
	 */
	public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
			@DefaultValue("10") int minimumNumberOfCalls, @DefaultValue("10") int slidingWindowSize,
			@DefaultValue("5s") Duration openDuration, @DefaultValue("3") int halfOpenCalls) {

	}

	/**
	 * @param maxConcurrentCalls calls in flight at once, across all consumers and
	 * requests
	 * @param maxWait how long a call may wait for a free place before it is refused
	 */
	public record Bulkhead(@DefaultValue("10") int maxConcurrentCalls, @DefaultValue("0ms") Duration maxWait) {

	}

}
