package io.orderflow.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The answer to a refund request, stored or new.
 *
 * @param amount what went back: zero when nothing was charged
 * @param currency none for an order that never got as far as a charge
 * @param providerRefundId none when nothing was refunded
 */
public record RefundOutcome(String orderId, UUID paymentId, BigDecimal amount, String currency,
		String providerRefundId) {

}
