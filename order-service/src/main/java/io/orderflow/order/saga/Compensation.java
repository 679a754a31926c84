package io.orderflow.order.saga;

/** What the saga may have to undo, and the reply that says it is undone. */
public enum Compensation {

	/** ReleaseStock, answered by StockReleased. */
	RELEASE_STOCK,

	/** RefundPayment, answered by PaymentRefunded. */
	REFUND_PAYMENT

}
