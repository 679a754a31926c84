package io.orderflow.order.persistence;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import io.orderflow.order.domain.OrderId;
import io.orderflow.order.saga.Compensation;
import io.orderflow.order.saga.PlaceOrderSagaState;
import io.orderflow.order.saga.SagaInstance;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "saga_instance")
class SagaEntity {

	@Id
	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private PlaceOrderSagaState state;

	private boolean releasePending;

	private boolean refundPending;

	private String cancellationReason;

	private String cancellationDetail;

	private Instant deadlineAt;

	private int compensationAttempts;

	private String paymentToken;

	private String traceId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected SagaEntity() {
	}

	SagaEntity(SagaInstance saga) {
		this.orderId = saga.orderId().value();
		this.version = saga.version();
		copy(saga);
	}

	/** Everything but the identity and the version, which Hibernate keeps. */
	void copy(SagaInstance saga) {
		this.state = saga.state();
		this.releasePending = saga.isPending(Compensation.RELEASE_STOCK);
		this.refundPending = saga.isPending(Compensation.REFUND_PAYMENT);
		this.cancellationReason = saga.cancellationReason();
		this.cancellationDetail = saga.cancellationDetail();
		this.deadlineAt = saga.deadlineAt();
		this.compensationAttempts = saga.compensationAttempts();
		this.paymentToken = saga.paymentToken();
		this.traceId = saga.traceId();
		this.createdAt = saga.createdAt();
		this.updatedAt = saga.updatedAt();
	}

	SagaInstance toSaga() {
		EnumSet<Compensation> pending = EnumSet.noneOf(Compensation.class);
		if (this.releasePending) {
			pending.add(Compensation.RELEASE_STOCK);
		}
		if (this.refundPending) {
			pending.add(Compensation.REFUND_PAYMENT);
		}
		return new SagaInstance(new OrderId(this.orderId), this.state, pending, this.cancellationReason,
				this.cancellationDetail, this.deadlineAt, this.compensationAttempts, this.paymentToken, this.traceId,
				this.createdAt, this.updatedAt, this.version);
	}

	long version() {
		return this.version;
	}

}
