package io.orderflow.payment.persistence;

import java.util.Optional;
import java.util.UUID;

import io.orderflow.payment.domain.Payment;
import io.orderflow.payment.domain.Payments;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Repository;

@Repository
class JpaPayments implements Payments {

	private final PaymentEntities entities;

	JpaPayments(PaymentEntities entities) {
		this.entities = entities;
	}

	@Override
	public Optional<Payment> find(UUID paymentId) {
		return this.entities.findById(paymentId).map(PaymentEntity::toPayment);
	}

	@Override
	public Optional<Payment> forOrder(String orderId) {
		return this.entities.findByOrderId(orderId).map(PaymentEntity::toPayment);
	}

	/**
	 * Flushed at once: a second payment for the order fails here, inside the caller's
	 * work, rather than at a commit outside it.
	 */
	@Override
	public void add(Payment payment) {
		this.entities.saveAndFlush(PaymentEntity.newRow(payment));
	}

	@Override
	public void update(Payment payment) {
		PaymentEntity entity = this.entities.findById(payment.paymentId())
			.orElseThrow(() -> new ObjectOptimisticLockingFailureException(PaymentEntity.class, payment.paymentId()));
		if (entity.version() != payment.version()) {
			throw new ObjectOptimisticLockingFailureException(PaymentEntity.class, payment.paymentId());
		}
		entity.apply(payment);
		this.entities.flush();
	}

}
