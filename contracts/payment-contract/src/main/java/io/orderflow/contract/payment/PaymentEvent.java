package io.orderflow.contract.payment;

/** Payment's outcomes, on {@value #TOPIC}, keyed by {@code orderId}. */
public sealed interface PaymentEvent permits PaymentCharged, PaymentDeclined, PaymentRefunded {

	String TOPIC = "payment.events";

	String orderId();

}
