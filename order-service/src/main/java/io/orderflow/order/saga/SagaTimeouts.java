package io.orderflow.order.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the saga waits for each answer, and how often it asks again for a compensation
 * before it gives up and parks.
 *
 * @param reserveStock the wait for StockReserved or StockReservationFailed
 * @param chargePayment the wait for PaymentCharged or PaymentDeclined
 * @param compensation the wait for StockReleased and PaymentRefunded, per attempt
 * @param maxCompensationAttempts how many times compensation commands are sent, the first
 * time included, before the saga parks
 */
public record SagaTimeouts(Duration reserveStock, Duration chargePayment, Duration compensation,
		int maxCompensationAttempts) {

	public SagaTimeouts {
		Objects.requireNonNull(reserveStock, "reserveStock");
		Objects.requireNonNull(chargePayment, "chargePayment");
		Objects.requireNonNull(compensation, "compensation");
		if (maxCompensationAttempts < 1) {
			throw new IllegalArgumentException("At least one compensation attempt: " + maxCompensationAttempts);
		}
	}

}
