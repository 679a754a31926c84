package io.orderflow.provider;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /v1/refunds}: the charge to refund, by its id or by the order
 * it paid for, and the amount (the rest of the charge when absent).
 */
public record RefundRequest(String charge, String orderId,
		@Positive @Digits(integer = 12, fraction = 2) BigDecimal amount) {

	/**
	 * The same request however its amount was spelled; see
	 * {@link ChargeRequest#normalized()}.
	 */
	RefundRequest normalized() {
		return new RefundRequest(this.charge, this.orderId, (this.amount != null) ? this.amount.setScale(2) : null);
	}

}
