package io.orderflow.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The payment of one order: made once from the provider's first definite answer (or as a
 * tombstone when the order was cancelled first), refunded at most once, and asked again
 * and again by redelivered commands, which it answers from what it stored.
 */
public final class Payment {

	private final UUID paymentId;

	private final String orderId;

	private final String customerId;

	private final PaymentStatus status;

	private final BigDecimal amount;

	private final String currency;

	private final String providerChargeId;

	private final String providerRefundId;

	private final BigDecimal refundedAmount;

	private final String declineReason;

	private final String declineCode;

	private final String refundReason;

	private final Instant createdAt;

	private final Instant updatedAt;

	private final long version;

	public Payment(UUID paymentId, String orderId, String customerId, PaymentStatus status, BigDecimal amount,
			String currency, String providerChargeId, String providerRefundId, BigDecimal refundedAmount,
			String declineReason, String declineCode, String refundReason, Instant createdAt, Instant updatedAt,
			long version) {
		this.paymentId = Objects.requireNonNull(paymentId, "paymentId");
		this.orderId = Objects.requireNonNull(orderId, "orderId");
		this.customerId = customerId;
		this.status = Objects.requireNonNull(status, "status");
		this.amount = Money.of(amount);
		this.currency = currency;
		this.providerChargeId = providerChargeId;
		this.providerRefundId = providerRefundId;
		this.refundedAmount = Money.of(refundedAmount);
		this.declineReason = declineReason;
		this.declineCode = declineCode;
		this.refundReason = refundReason;
		this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
		this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
		this.version = version;
	}

	/** The payment the provider's definite answer to {@code request} makes. */
	public static Payment afterCharge(UUID paymentId, ChargeRequest request, ChargeResult result, Instant now) {
		return switch (result) {
			// What the provider charged, which is what the request asked unless an
			// earlier
			// request with the same key asked otherwise.
			case ChargeResult.Approved approved -> new Payment(paymentId, request.orderId(), request.customerId(),
					PaymentStatus.CHARGED, (approved.amount() != null) ? approved.amount() : request.amount(),
					(approved.currency() != null) ? approved.currency().toUpperCase(Locale.ROOT) : request.currency(),
					approved.chargeId(), null, Money.ZERO, null, null, null, now, now, 0);
			case ChargeResult.CardDeclined declined -> declined(paymentId, request, declined.chargeId(),
					DeclineReason.CARD_DECLINED, declined.declineCode(), now);
			case ChargeResult.ProviderFailed failed -> declined(paymentId, request, null, DeclineReason.PROVIDER_ERROR,
					(failed.errorType() != null) ? failed.errorType() : DeclineReason.DEFAULT_PROVIDER_ERROR_CODE, now);
			case ChargeResult.Rejected rejected ->
				declined(paymentId, request, null, DeclineReason.PAYMENT_REJECTED, rejected.code(), now);
		};
	}

	private static Payment declined(UUID paymentId, ChargeRequest request, String chargeId, String reason, String code,
			Instant now) {
		return new Payment(paymentId, request.orderId(), request.customerId(), PaymentStatus.DECLINED, request.amount(),
				request.currency(), chargeId, null, Money.ZERO, reason, code, null, now, now, 0);
	}

	/**
	 * The tombstone of an order cancelled before it was charged: nothing to refund now,
	 * and a charge that arrives later must be declined without calling the provider.
	 */
	public static Payment cancelledBeforeCharge(UUID paymentId, String orderId, String reason, Instant now) {
		return new Payment(paymentId, orderId, null, PaymentStatus.REFUNDED, Money.ZERO, null, null, null, Money.ZERO,
				null, null, reason, now, now, 0);
	}

	/** What a charge request for this order is answered, however often it comes. */
	public ChargeOutcome answerToCharge() {
		if (isTombstone()) {
			return new ChargeOutcome.Declined(this.orderId, this.paymentId, DeclineReason.ORDER_CANCELLED, null);
		}
		return switch (this.status) {
			// A refunded charge was still made: the charge's answer stays what it was.
			case CHARGED, REFUNDED -> new ChargeOutcome.Charged(this.orderId, this.paymentId, this.amount,
					this.currency, this.providerChargeId);
			case DECLINED ->
				new ChargeOutcome.Declined(this.orderId, this.paymentId, this.declineReason, this.declineCode);
		};
	}

	/**
	 * Whether a refund request must go to the provider (anything else is answered here).
	 */
	public boolean awaitsRefund() {
		return this.status == PaymentStatus.CHARGED;
	}

	/** This payment with the provider's refund of its charge. */
	public Payment refunded(RefundResult.Refunded refund, String reason, Instant now) {
		if (!awaitsRefund()) {
			throw new IllegalStateException("Payment " + this.paymentId + " is " + this.status + ", not refundable");
		}
		return new Payment(this.paymentId, this.orderId, this.customerId, PaymentStatus.REFUNDED, this.amount,
				this.currency, this.providerChargeId, refund.refundId(), refund.amount(), this.declineReason,
				this.declineCode, reason, this.createdAt, now, this.version);
	}

	/** What a refund request for this order is answered, however often it comes. */
	public RefundOutcome answerToRefund() {
		return switch (this.status) {
			case REFUNDED -> new RefundOutcome(this.orderId, this.paymentId, this.refundedAmount, this.currency,
					this.providerRefundId);
			case DECLINED -> new RefundOutcome(this.orderId, this.paymentId, Money.ZERO, this.currency, null);
			case CHARGED -> throw new IllegalStateException(
					"Payment " + this.paymentId + " is charged: its refund must be asked of the provider");
		};
	}

	/** Refunded without ever having been charged: the order was cancelled first. */
	public boolean isTombstone() {
		return this.status == PaymentStatus.REFUNDED && this.providerChargeId == null;
	}

	public UUID paymentId() {
		return this.paymentId;
	}

	public String orderId() {
		return this.orderId;
	}

	public String customerId() {
		return this.customerId;
	}

	public PaymentStatus status() {
		return this.status;
	}

	public BigDecimal amount() {
		return this.amount;
	}

	public String currency() {
		return this.currency;
	}

	public String providerChargeId() {
		return this.providerChargeId;
	}

	public String providerRefundId() {
		return this.providerRefundId;
	}

	public BigDecimal refundedAmount() {
		return this.refundedAmount;
	}

	public String declineReason() {
		return this.declineReason;
	}

	public String declineCode() {
		return this.declineCode;
	}

	public String refundReason() {
		return this.refundReason;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/** The stored version this state was read at (optimistic locking). */
	public long version() {
		return this.version;
	}

	@Override
	public String toString() {
		return "Payment[" + this.paymentId + ", order " + this.orderId + ", " + this.status + " " + this.amount + " "
				+ this.currency + "]";
	}

}
