package io.orderflow.order.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.orderflow.order.application.IdempotencyStore.StoredPlacement;
import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderRepository;
import io.orderflow.order.domain.OrderRequest;
import io.orderflow.order.saga.Decision;
import io.orderflow.order.saga.PlaceOrderSaga;
import io.orderflow.order.saga.SagaInput;
import io.orderflow.order.saga.SagaInstance;
import io.orderflow.order.saga.SagaRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What clients and operators do with orders: place one, resume a parked saga. */
@Service
public class OrderManagement {

	private final IdempotencyStore idempotency;

	private final OrderRepository orders;

	private final SagaRepository sagas;

	private final PlaceOrderSaga saga;

	private final SagaTransitions transitions;

	private final Clock clock;

	OrderManagement(IdempotencyStore idempotency, OrderRepository orders, SagaRepository sagas, PlaceOrderSaga saga,
			SagaTransitions transitions, Clock clock) {
		this.idempotency = idempotency;
		this.orders = orders;
		this.sagas = sagas;
		this.saga = saga;
		this.transitions = transitions;
		this.clock = clock;
	}

	/**
	 * Places the order {@code request} asks for, once per idempotency key: the order, its
	 * saga, the first commands and the response to give again on a retry commit together.
	 * The client whose key it is owns the order.
	 * <p>
	 * The key is claimed first, with an insert that does nothing on conflict. A
	 * concurrent request with the same key blocks on that insert until this transaction
	 * ends, then finds the key taken and answers with the response stored here; had this
	 * transaction rolled back, its insert would succeed and it would place the order
	 * itself. So exactly one order results however many duplicates race, and no duplicate
	 * does any work before it knows it is one.
	 * @param respond the response to the placement of an order, stored with the key
	 */
	@Transactional
	public Placement place(IdempotencyKey key, OrderRequest request, Function<Order, StoredResponse> respond) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		String fingerprint = request.fingerprint();
		if (!this.idempotency.claim(key, fingerprint, now)) {
			StoredPlacement earlier = this.idempotency.find(key)
				.orElseThrow(() -> new IllegalStateException("Idempotency key claimed, then gone"));
			return earlier.fingerprint().equals(fingerprint) ? new Placement.Accepted(earlier.response())
					: new Placement.KeyReused();
		}
		Order order = Order.place(OrderId.newId(), key.clientId(), request.customerId(), request.lines(), now);
		Decision start = this.saga.start(order, request.paymentToken(), currentTraceId());
		this.transitions.start(start, key);
		StoredResponse response = respond.apply(order);
		this.idempotency.complete(key, order.id(), response);
		return new Placement.Accepted(response);
	}

	/**
	 * Sends a parked saga's pending compensations again, with fresh attempts and
	 * deadline.
	 */
	@Transactional
	public Resumption resume(OrderId orderId) {
		Optional<SagaInstance> found = this.sagas.lock(orderId);
		if (found.isEmpty()) {
			return new Resumption.UnknownOrder();
		}
		SagaInstance parked = found.get();
		if (!parked.isParked()) {
			return new Resumption.NotParked(parked.state());
		}
		Order order = this.orders.find(orderId).orElseThrow();
		Decision resumed = this.saga.decide(parked, order, SagaInput.OPERATOR_RESUME);
		this.transitions.apply(parked, order, resumed, null);
		return new Resumption.Resumed(new SagaView(resumed.saga(), this.sagas.history(orderId)));
	}

	private static String currentTraceId() {
		SpanContext span = Span.current().getSpanContext();
		return span.isValid() ? span.getTraceId() : null;
	}

}
