package io.orderflow.order.saga;

/** Where a place-order saga stands. */
public enum PlaceOrderSagaState {

	/** ReserveStock sent; waiting for inventory. */
	RESERVING_STOCK,

	/** Stock reserved, ChargePayment sent; waiting for payment. */
	CHARGING_PAYMENT,

	/**
	 * Payment declined, ReleaseStock sent; waiting for inventory to give the stock back.
	 */
	RELEASING_STOCK,

	/**
	 * Undoing after a deadline or a late reply; waiting for every pending compensation
	 * (StockReleased, PaymentRefunded).
	 */
	COMPENSATING,

	/** Done: the order is confirmed. */
	CONFIRMED,

	/** Done: the order is cancelled and nothing is held for it. */
	CANCELLED,

	/**
	 * A compensation went unanswered after every attempt: parked until an operator
	 * resumes it (or its replies finally arrive).
	 */
	COMPENSATION_FAILED;

	/** Whether a deadline runs in this state. */
	public boolean isWaiting() {
		return this == RESERVING_STOCK || this == CHARGING_PAYMENT || this == RELEASING_STOCK || this == COMPENSATING;
	}

	/** Whether compensations may be pending in this state. */
	public boolean isCompensating() {
		return this == RELEASING_STOCK || this == COMPENSATING || this == COMPENSATION_FAILED;
	}

}
