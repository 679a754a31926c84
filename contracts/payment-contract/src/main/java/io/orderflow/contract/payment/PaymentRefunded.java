package io.orderflow.contract.payment;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** {@code amount} is zero when there was nothing to refund. */
@JsonTypeName("PaymentRefunded")
public record PaymentRefunded(String orderId, String paymentId, BigDecimal amount, String currency,
		String providerRefundId) implements PaymentEvent {
}
