package io.orderflow.contract.payment;

/** What the saga asks of payment, on {@value #TOPIC}, keyed by {@code orderId}. */
public sealed interface PaymentCommand permits ChargePayment, RefundPayment {

	String TOPIC = "payment.commands";

	String orderId();

}
