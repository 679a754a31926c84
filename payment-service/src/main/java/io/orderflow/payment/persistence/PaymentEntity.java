package io.orderflow.payment.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.orderflow.payment.domain.Payment;
import io.orderflow.payment.domain.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The {@code payment} row; never leaves this package: {@link Payment} does. */
@Entity
@Table(name = "payment")
class PaymentEntity {

	@Id
	@Column(name = "payment_id")
	private UUID paymentId;

	@Column(name = "order_id", nullable = false, updatable = false)
	private String orderId;

	@Column(name = "customer_id")
	private String customerId;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false, length = 16)
	private PaymentStatus status;

	@Column(name = "amount", nullable = false, precision = 12, scale = 2)
	private BigDecimal amount;

	@Column(name = "currency", length = 3)
	private String currency;

	@Column(name = "provider_charge_id")
	private String providerChargeId;

	@Column(name = "provider_refund_id")
	private String providerRefundId;

	@Column(name = "refunded_amount", nullable = false, precision = 12, scale = 2)
	private BigDecimal refundedAmount;

	@Column(name = "decline_reason", length = 64)
	private String declineReason;

	@Column(name = "decline_code", length = 64)
	private String declineCode;

	@Column(name = "refund_reason", length = 64)
	private String refundReason;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** Null until persisted, which tells Spring Data to insert rather than merge. */
	@Version
	@Column(name = "version", nullable = false)
	private Long version;

	protected PaymentEntity() {
	}

	static PaymentEntity newRow(Payment payment) {
		PaymentEntity entity = new PaymentEntity();
		entity.paymentId = payment.paymentId();
		entity.orderId = payment.orderId();
		entity.createdAt = payment.createdAt();
		entity.apply(payment);
		return entity;
	}

	/** Copies the state that may change; identity and creation stay. */
	void apply(Payment payment) {
		this.customerId = payment.customerId();
		this.status = payment.status();
		this.amount = payment.amount();
		this.currency = payment.currency();
		this.providerChargeId = payment.providerChargeId();
		this.providerRefundId = payment.providerRefundId();
		this.refundedAmount = payment.refundedAmount();
		this.declineReason = payment.declineReason();
		this.declineCode = payment.declineCode();
		this.refundReason = payment.refundReason();
		this.updatedAt = payment.updatedAt();
	}

	Payment toPayment() {
		return new Payment(this.paymentId, this.orderId, this.customerId, this.status, this.amount, this.currency,
				this.providerChargeId, this.providerRefundId, this.refundedAmount, this.declineReason, this.declineCode,
				this.refundReason, this.createdAt, this.updatedAt, (this.version != null) ? this.version : 0);
	}

	UUID paymentId() {
		return this.paymentId;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

}
