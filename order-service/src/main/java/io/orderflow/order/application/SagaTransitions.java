package io.orderflow.order.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.outbox.Outbox;
import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderRepository;
import io.orderflow.order.domain.OrderStatus;
import io.orderflow.order.saga.Decision;
import io.orderflow.order.saga.Outgoing;
import io.orderflow.order.saga.SagaInstance;
import io.orderflow.order.saga.SagaRepository;
import io.orderflow.order.saga.StepRecord;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores what the saga decided, in the caller's transaction: the order and the saga if
 * they changed, the history step, and the messages through the outbox. Either all of it
 * commits or none, so no state change goes without its messages nor a message without its
 * state change.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SagaTransitions {

	private static final Log logger = LogFactory.getLog(SagaTransitions.class);

	private final OrderRepository orders;

	private final SagaRepository sagas;

	private final Outbox outbox;

	private final SagaMetrics metrics;

	private final Clock clock;

	SagaTransitions(OrderRepository orders, SagaRepository sagas, Outbox outbox, SagaMetrics metrics, Clock clock) {
		this.orders = orders;
		this.sagas = sagas;
		this.outbox = outbox;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Stores a new order and its saga.
	 * @param idempotencyKey the client's key, carried on every message of the saga's
	 * first step
	 */
	void start(Decision decision, IdempotencyKey idempotencyKey) {
		this.orders.add(decision.order());
		this.sagas.add(decision.saga());
		record(decision, null);
		send(decision, Map.of(Envelope.IDEMPOTENCY_KEY, idempotencyKey.key()));
	}

	/**
	 * Stores {@code decision}, taken on {@code saga} and {@code order}.
	 * @param cause the message the decision answers, or null for a deadline or an
	 * operator
	 */
	void apply(SagaInstance saga, Order order, Decision decision, MessageRef cause) {
		if (decision.order().version() != order.version()) {
			this.orders.update(decision.order());
		}
		if (decision.saga().version() != saga.version()) {
			this.sagas.update(decision.saga());
		}
		Instant at = record(decision, cause);
		send(decision, Map.of());
		if (order.status() == OrderStatus.PENDING && decision.order().status() != OrderStatus.PENDING) {
			this.metrics.completed(decision.order(), saga.createdAt(), at);
		}
		if (decision.saga().isParked() && !saga.isParked()) {
			String detail = decision.step().detail();
			afterCommit(() -> logger.warn("Saga of order " + saga.orderId() + " parked in COMPENSATION_FAILED ("
					+ detail + "): resume it with POST /api/v1/orders/" + saga.orderId() + "/saga/resume"));
		}
	}

	private Instant record(Decision decision, MessageRef cause) {
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.sagas.record(new StepRecord(decision.saga().orderId(), decision.step(),
				(cause != null) ? cause.messageType() : null, (cause != null) ? cause.messageId() : null, at));
		return at;
	}

	/**
	 * The correlation id is the order id on every saga message, whether a reply, a
	 * deadline or an operator caused it.
	 */
	private void send(Decision decision, Map<String, String> headers) {
		Map<String, String> all = new HashMap<>(headers);
		all.put(Envelope.CORRELATION_ID, decision.saga().orderId().toString());
		for (Outgoing message : decision.messages()) {
			this.outbox.send(message.topic(), message.key(), message.message(), all);
		}
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				action.run();
			}

		});
	}

}
