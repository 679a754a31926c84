package io.orderflow.payment.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The provider's circuit as the {@code paymentProvider} health component: {@code UP}
 * while it lets calls through, {@code UNKNOWN} while it is open. Never {@code DOWN}: a
 * provider outage is not payment-service's failure (commands wait and retry, the API
 * serves), and restarting it would not help.
 */
class ProviderCircuitHealth implements HealthIndicator {

	private final CircuitBreaker circuitBreaker;

	ProviderCircuitHealth(CircuitBreaker circuitBreaker) {
		this.circuitBreaker = circuitBreaker;
	}

	@Override
	public Health health() {
		CircuitBreaker.State state = this.circuitBreaker.getState();
		CircuitBreaker.Metrics metrics = this.circuitBreaker.getMetrics();
		Status status = switch (state) {
			case CLOSED, HALF_OPEN, DISABLED, METRICS_ONLY -> Status.UP;
			case OPEN, FORCED_OPEN -> Status.UNKNOWN;
		};
		return Health.status(status)
			.withDetail("circuit", state.name())
			.withDetail("failureRate", metrics.getFailureRate())
			.withDetail("bufferedCalls", metrics.getNumberOfBufferedCalls())
			.withDetail("failedCalls", metrics.getNumberOfFailedCalls())
			.withDetail("notPermittedCalls", metrics.getNumberOfNotPermittedCalls())
			.build();
	}

}
