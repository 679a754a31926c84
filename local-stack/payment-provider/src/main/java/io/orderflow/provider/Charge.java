package io.orderflow.provider;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A charge as the provider reports it. A declined attempt is a charge too, with status
 * {@code failed} and its failure code, as Stripe records it; only succeeded charges move
 * money.
 *
 * @param amountRefunded the sum of its refunds
 * @param refunded whether it is refunded in full
 * @param created when it was made, in seconds since the epoch (Stripe's unit)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Charge(String id, Status status, BigDecimal amount, String currency, String source, String orderId,
		String customerId, String idempotencyKey, long created, BigDecimal amountRefunded, boolean refunded,
		String failureCode) {

	static Charge succeeded(String id, ChargeRequest request, String idempotencyKey, long created) {
		return new Charge(id, Status.SUCCEEDED, request.amount(), request.currency(), request.source(),
				request.orderId(), request.customerId(), idempotencyKey, created, zero(request), false, null);
	}

	static Charge failed(String id, ChargeRequest request, String idempotencyKey, long created, String failureCode) {
		return new Charge(id, Status.FAILED, request.amount(), request.currency(), request.source(), request.orderId(),
				request.customerId(), idempotencyKey, created, zero(request), false, failureCode);
	}

	private static BigDecimal zero(ChargeRequest request) {
		return BigDecimal.ZERO.setScale(request.amount().scale());
	}

	/** What may still be refunded. */
	BigDecimal refundable() {
		return (this.status == Status.SUCCEEDED) ? this.amount.subtract(this.amountRefunded) : BigDecimal.ZERO;
	}

	Charge withRefund(BigDecimal refund) {
		BigDecimal total = this.amountRefunded.add(refund);
		return new Charge(this.id, this.status, this.amount, this.currency, this.source, this.orderId, this.customerId,
				this.idempotencyKey, this.created, total, total.compareTo(this.amount) >= 0, this.failureCode);
	}

	public enum Status {

		@JsonProperty("succeeded")
		SUCCEEDED,

		@JsonProperty("failed")
		FAILED

	}

}
