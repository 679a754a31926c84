package io.orderflow.contract.payment;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Charge at most once per order: the provider's idempotency key is the {@code orderId}.
 */
@JsonTypeName("ChargePayment")
public record ChargePayment(String orderId, String customerId, BigDecimal amount, String currency,
		String paymentToken) implements PaymentCommand {
}
