package io.orderflow.contract.payment;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("PaymentCharged")
public record PaymentCharged(String orderId, String paymentId, BigDecimal amount, String currency,
		String providerChargeId) implements PaymentEvent {
}
