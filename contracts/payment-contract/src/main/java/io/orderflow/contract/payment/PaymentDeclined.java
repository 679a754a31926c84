package io.orderflow.contract.payment;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("PaymentDeclined")
public record PaymentDeclined(String orderId, String paymentId, String reason,
		String declineCode) implements PaymentEvent {
}
