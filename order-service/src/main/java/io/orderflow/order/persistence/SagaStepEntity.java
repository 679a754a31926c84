package io.orderflow.order.persistence;

import java.time.Instant;
import java.util.UUID;

import io.orderflow.order.domain.OrderId;
import io.orderflow.order.saga.SagaStep;
import io.orderflow.order.saga.StepRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "saga_step")
class SagaStepEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private UUID orderId;

	@Column(name = "step")
	@Enumerated(EnumType.STRING)
	private SagaStep.Name name;

	@Enumerated(EnumType.STRING)
	private SagaStep.Outcome outcome;

	private String messageType;

	private UUID messageId;

	private String detail;

	private Instant at;

	protected SagaStepEntity() {
	}

	SagaStepEntity(StepRecord record) {
		this.orderId = record.orderId().value();
		this.name = record.step().name();
		this.outcome = record.step().outcome();
		this.messageType = record.messageType();
		this.messageId = record.messageId();
		this.detail = record.step().detail();
		this.at = record.at();
	}

	StepRecord toRecord() {
		return new StepRecord(new OrderId(this.orderId), new SagaStep(this.name, this.outcome, this.detail),
				this.messageType, this.messageId, this.at);
	}

}
