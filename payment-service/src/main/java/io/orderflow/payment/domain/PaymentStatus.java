package io.orderflow.payment.domain;

public enum PaymentStatus {

	/** The provider took the money. */
	CHARGED,

	/** Nothing was taken: the card, the provider or the request was refused. */
	DECLINED,

	/**
	 * The money went back, or the order was cancelled before anything was charged (a
	 * tombstone: amount zero, no provider charge).
	 */
	REFUNDED

}
