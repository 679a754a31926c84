package io.orderflow.payment.provider;

import java.net.http.HttpClient;
import java.time.Clock;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.orderflow.payment.PaymentProperties;
import io.orderflow.payment.domain.PaymentAttempts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The provider client and its Resilience4j guards, all named {@value #NAME} (the name in
 * their metrics, {@code resilience4j_circuitbreaker_state{name="paymentProvider"}} and
 * the like), configured from {@code orderflow.payment.provider.*}.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

	static final String NAME = "paymentProvider";

	@Bean
	CircuitBreakerRegistry providerCircuitBreakers(PaymentProperties properties) {
		PaymentProperties.CircuitBreaker circuit = properties.provider().circuitBreaker();
		return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(circuit.slidingWindowSize())
			.minimumNumberOfCalls(circuit.minimumNumberOfCalls())
			.failureRateThreshold(circuit.failureRateThreshold())
			.waitDurationInOpenState(circuit.openDuration())
			.permittedNumberOfCallsInHalfOpenState(circuit.halfOpenCalls())
			// Half-open on time, not on the next call: health and metrics show the
			// recovery, and the first call after the pause is a trial rather than
			// refused.
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.recordException(GuardedCalls::isProviderFailure)
			// A full bulkhead says nothing about the provider.
			.ignoreExceptions(BulkheadFullException.class)
			.build());
	}

	@Bean
	CircuitBreaker providerCircuitBreaker(CircuitBreakerRegistry registry) {
		return registry.circuitBreaker(NAME);
	}

	@Bean
	RetryRegistry providerRetries(PaymentProperties properties) {
		PaymentProperties.Retry retry = properties.provider().retry();
		return RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(retry.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), retry.multiplier(),
					retry.jitter(), retry.maxBackoff()))
			.retryOnException(GuardedCalls::isRetryable)
			.build());
	}

	@Bean
	Retry providerRetry(RetryRegistry registry) {
		return registry.retry(NAME);
	}

	@Bean
	BulkheadRegistry providerBulkheads(PaymentProperties properties) {
		PaymentProperties.Bulkhead bulkhead = properties.provider().bulkhead();
		return BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(bulkhead.maxConcurrentCalls())
			.maxWaitDuration(bulkhead.maxWait())
			.build());
	}

	@Bean
	Bulkhead providerBulkhead(BulkheadRegistry registry) {
		return registry.bulkhead(NAME);
	}

	@Bean
	TimeLimiterRegistry providerTimeLimiters(PaymentProperties properties) {
		return TimeLimiterRegistry.of(TimeLimiterConfig.custom()
			.timeoutDuration(properties.provider().timeout())
			.cancelRunningFuture(true)
			.build());
	}

	@Bean
	TimeLimiter providerTimeLimiter(TimeLimiterRegistry registry) {
		return registry.timeLimiter(NAME);
	}

	@Bean
	MeterBinder providerResilienceMetrics(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries,
			BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters) {
		return (registry) -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
			TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
			TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
			TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(registry);
		};
	}

	/** HTTP/1.1: the provider is a plain HTTP API, no upgrade dance per connection. */
	@Bean
	HttpClient providerHttpClient(PaymentProperties properties) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.provider().connectTimeout())
			.build();
	}

	@Bean
	ProviderClient providerClient(PaymentProperties properties, HttpClient providerHttpClient, Retry retry,
			CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, Bulkhead bulkhead, PaymentAttempts attempts,
			Clock clock) {
		PaymentProperties.Provider provider = properties.provider();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(providerHttpClient);
		// A backstop only: the time limiter gives up first and cancels the exchange.
		requests.setReadTimeout(provider.timeout().multipliedBy(2));
		RestClient rest = RestClient.builder()
			.baseUrl(provider.baseUrl().toString())
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.build();
		return new ProviderClient(rest,
				new GuardedCalls(retry, circuitBreaker, timeLimiter, bulkhead, attempts, clock));
	}

	@Bean
	ProviderCircuitHealth paymentProviderHealthIndicator(CircuitBreaker providerCircuitBreaker) {
		return new ProviderCircuitHealth(providerCircuitBreaker);
	}

}
