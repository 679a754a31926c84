package io.orderflow.order.application;

import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderRepository;
import io.orderflow.order.saga.Decision;
import io.orderflow.order.saga.PlaceOrderSaga;
import io.orderflow.order.saga.SagaInput;
import io.orderflow.order.saga.SagaInstance;
import io.orderflow.order.saga.SagaRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Participants' replies to the saga. */
@Service
public class SagaReplies {

	private final OrderRepository orders;

	private final SagaRepository sagas;

	private final PlaceOrderSaga saga;

	private final SagaTransitions transitions;

	SagaReplies(OrderRepository orders, SagaRepository sagas, PlaceOrderSaga saga, SagaTransitions transitions) {
		this.orders = orders;
		this.sagas = sagas;
		this.saga = saga;
		this.transitions = transitions;
	}

	/**
	 * Moves the saga of {@code orderId} on {@code reply}. Runs in the inbox's
	 * transaction, so the message counts as processed if and only if this commits.
	 * @param reply a saga message of {@code inventory.events} or {@code payment.events}
	 * @throws UnknownOrderException when there is no such order
	 */
	@Transactional
	public void handle(OrderId orderId, Object reply, MessageRef message) {
		SagaInstance current = this.sagas.lock(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
		Order order = this.orders.find(orderId).orElseThrow();
		Decision decision = this.saga.decide(current, order, new SagaInput.Reply(reply));
		this.transitions.apply(current, order, decision, message);
	}

}
