package io.orderflow.order.application;

import java.time.Clock;
import java.util.List;

import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderRepository;
import io.orderflow.order.saga.Decision;
import io.orderflow.order.saga.PlaceOrderSaga;
import io.orderflow.order.saga.SagaInput;
import io.orderflow.order.saga.SagaInstance;
import io.orderflow.order.saga.SagaRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deadlines that passed without an answer. */
@Service
public class SagaDeadlines {

	private final OrderRepository orders;

	private final SagaRepository sagas;

	private final PlaceOrderSaga saga;

	private final SagaTransitions transitions;

	private final SagaMetrics metrics;

	private final Clock clock;

	private final int batchSize;

	SagaDeadlines(OrderRepository orders, SagaRepository sagas, PlaceOrderSaga saga, SagaTransitions transitions,
			SagaMetrics metrics, Clock clock, OrderProperties properties) {
		this.orders = orders;
		this.sagas = sagas;
		this.saga = saga;
		this.transitions = transitions;
		this.metrics = metrics;
		this.clock = clock;
		this.batchSize = properties.saga().deadlineBatchSize();
	}

	/**
	 * Claims a batch of sagas whose deadline has passed and applies the deadline to each,
	 * in one transaction. Claimed rows stay locked until it commits and their new
	 * deadlines are later or gone, so however many instances call this at once, each
	 * deadline fires once.
	 * @return how many deadlines fired; a full batch means more may be due
	 */
	@Transactional
	public int fireDue() {
		List<SagaInstance> due = this.sagas.claimDue(this.clock.instant(), this.batchSize);
		for (SagaInstance expired : due) {
			Order order = this.orders.find(expired.orderId()).orElseThrow();
			Decision decision = this.saga.decide(expired, order, SagaInput.DEADLINE_EXPIRED);
			this.transitions.apply(expired, order, decision, null);
			this.metrics.deadlineFired(expired.state());
		}
		return due.size();
	}

}
