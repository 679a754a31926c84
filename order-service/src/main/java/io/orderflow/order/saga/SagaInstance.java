package io.orderflow.order.saga;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.orderflow.order.domain.OrderId;

/**
 * The persisted state of one place-order saga. Immutable: each change returns the saga
 * after it, one version later.
 *
 * @param pendingCompensations the compensations sent and not yet answered
 * @param cancellationReason why the order is, or will be, cancelled; null while the saga
 * may still succeed
 * @param cancellationDetail more about the reason, or null
 * @param deadlineAt when the current wait ends; null in the final and parked states
 * @param compensationAttempts how many times the pending compensations were sent
 * @param paymentToken what ChargePayment charges
 * @param traceId the OpenTelemetry trace of the placing request, or null
 */
public record SagaInstance(OrderId orderId, PlaceOrderSagaState state, Set<Compensation> pendingCompensations,
		String cancellationReason, String cancellationDetail, Instant deadlineAt, int compensationAttempts,
		String paymentToken, String traceId, Instant createdAt, Instant updatedAt, long version) {

	public SagaInstance {
		Objects.requireNonNull(orderId, "orderId");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(paymentToken, "paymentToken");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
		pendingCompensations = pendingCompensations.isEmpty() ? Set.of()
				: Set.copyOf(EnumSet.copyOf(pendingCompensations));
		if (state.isWaiting() != (deadlineAt != null)) {
			throw new IllegalArgumentException(state + " has a deadline if and only if it waits");
		}
		if (state.isCompensating() == pendingCompensations.isEmpty()) {
			throw new IllegalArgumentException(state + " has pending compensations if and only if it compensates");
		}
		if ((state.isCompensating() || state == PlaceOrderSagaState.CANCELLED) && cancellationReason == null) {
			throw new IllegalArgumentException(state + " needs a cancellation reason");
		}
	}

	static SagaInstance start(OrderId orderId, String paymentToken, String traceId, Instant at, Instant deadline) {
		return new SagaInstance(orderId, PlaceOrderSagaState.RESERVING_STOCK, Set.of(), null, null, deadline, 0,
				paymentToken, traceId, at, at, 0);
	}

	public boolean isParked() {
		return this.state == PlaceOrderSagaState.COMPENSATION_FAILED;
	}

	public boolean isPending(Compensation compensation) {
		return this.pendingCompensations.contains(compensation);
	}

	SagaInstance chargingPayment(Instant deadline, Instant at) {
		return next(PlaceOrderSagaState.CHARGING_PAYMENT, Set.of(), null, null, deadline, 0, at);
	}

	SagaInstance confirmed(Instant at) {
		return next(PlaceOrderSagaState.CONFIRMED, Set.of(), null, null, null, 0, at);
	}

	SagaInstance cancelled(String reason, String detail, Instant at) {
		return next(PlaceOrderSagaState.CANCELLED, Set.of(), reason, detail, null, this.compensationAttempts, at);
	}

	/**
	 * Waiting for {@code pending}, just sent (attempt one), in {@code state}; the reason
	 * and detail of an earlier cancellation stay.
	 */
	SagaInstance compensating(PlaceOrderSagaState state, Set<Compensation> pending, String reason, String detail,
			Instant deadline, Instant at) {
		return next(state, pending, (this.cancellationReason != null) ? this.cancellationReason : reason,
				(this.cancellationReason != null) ? this.cancellationDetail : detail, deadline, 1, at);
	}

	/** The pending compensations sent once more. */
	SagaInstance retried(Instant deadline, Instant at) {
		return next(this.state, this.pendingCompensations, this.cancellationReason, this.cancellationDetail, deadline,
				this.compensationAttempts + 1, at);
	}

	/** {@code compensation} answered; others may still be pending. */
	SagaInstance compensated(Compensation compensation, Instant at) {
		EnumSet<Compensation> pending = EnumSet.copyOf(this.pendingCompensations);
		pending.remove(compensation);
		return next(this.state, pending, this.cancellationReason, this.cancellationDetail, this.deadlineAt,
				this.compensationAttempts, at);
	}

	SagaInstance parked(Instant at) {
		return next(PlaceOrderSagaState.COMPENSATION_FAILED, this.pendingCompensations, this.cancellationReason,
				this.cancellationDetail, null, this.compensationAttempts, at);
	}

	private SagaInstance next(PlaceOrderSagaState state, Set<Compensation> pending, String reason, String detail,
			Instant deadline, int attempts, Instant at) {
		return new SagaInstance(this.orderId, state, pending, reason, detail, deadline, attempts, this.paymentToken,
				this.traceId, this.createdAt, at, this.version + 1);
	}

}
