package io.orderflow.payment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.orderflow.payment.domain.Payment;
import io.orderflow.payment.domain.PaymentStatus;

/**
 * A payment as clients see it. Money has two decimals; a tombstone (an order cancelled
 * before it was charged) is {@code REFUNDED} with amount zero and no currency.
 */
public record PaymentResponse(UUID paymentId, String orderId, String customerId, PaymentStatus status,
		BigDecimal amount, String currency, BigDecimal refundedAmount, String providerChargeId, String providerRefundId,
		String declineReason, String declineCode, String refundReason, Instant createdAt, Instant updatedAt) {

	static PaymentResponse of(Payment payment) {
		return new PaymentResponse(payment.paymentId(), payment.orderId(), payment.customerId(), payment.status(),
				payment.amount(), payment.currency(), payment.refundedAmount(), payment.providerChargeId(),
				payment.providerRefundId(), payment.declineReason(), payment.declineCode(), payment.refundReason(),
				payment.createdAt(), payment.updatedAt());
	}

}
