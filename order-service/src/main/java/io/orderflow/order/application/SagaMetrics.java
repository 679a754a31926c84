package io.orderflow.order.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.orderflow.order.domain.Order;
import io.orderflow.order.saga.PlaceOrderSagaState;
import io.orderflow.order.saga.SagaRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The saga's meters. Counted once the transition commits: a transaction that rolls back
 * and is retried must not count twice.
 * <ul>
 * <li>{@code orderflow.saga.completed}: orders that reached CONFIRMED or CANCELLED, by
 * {@code outcome} and {@code reason} (the cancellation reason, {@code none} when
 * confirmed);</li>
 * <li>{@code orderflow.saga.duration}: placement to that moment, by {@code outcome};</li>
 * <li>{@code orderflow.saga.deadlines.fired}: deadlines that expired, by the
 * {@code state} that waited;</li>
 * <li>{@code orderflow.saga.parked}: sagas in COMPENSATION_FAILED now, across all
 * instances (read from the database).</li>
 * </ul>
 */
@Component
class SagaMetrics {

	private final MeterRegistry registry;

	SagaMetrics(MeterRegistry registry, SagaRepository sagas) {
		this.registry = registry;
		Gauge.builder("orderflow.saga.parked", sagas, SagaRepository::countParked)
			.description("Sagas waiting for an operator in COMPENSATION_FAILED")
			.register(registry);
	}

	/** {@code order} just became CONFIRMED or CANCELLED, placed at {@code placedAt}. */
	void completed(Order order, Instant placedAt, Instant at) {
		String outcome = order.status().name().toLowerCase(Locale.ROOT);
		String reason = (order.cancellationReason() != null) ? order.cancellationReason() : "none";
		afterCommit(() -> {
			Counter.builder("orderflow.saga.completed")
				.description("Orders the saga finished")
				.tag("outcome", outcome)
				.tag("reason", reason)
				.register(this.registry)
				.increment();
			Timer.builder("orderflow.saga.duration")
				.description("From placement to confirmation or cancellation")
				.tag("outcome", outcome)
				.register(this.registry)
				.record(Duration.between(placedAt, at));
		});
	}

	void deadlineFired(PlaceOrderSagaState state) {
		afterCommit(() -> Counter.builder("orderflow.saga.deadlines.fired")
			.description("Saga deadlines that expired")
			.tag("state", state.name())
			.register(this.registry)
			.increment());
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				action.run();
			}

		});
	}

}
