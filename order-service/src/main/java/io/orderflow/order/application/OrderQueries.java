package io.orderflow.order.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderRepository;
import io.orderflow.order.domain.OrderRepository.Filter;
import io.orderflow.order.domain.OrderRepository.Position;
import io.orderflow.order.saga.PlaceOrderSagaState;
import io.orderflow.order.saga.SagaRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders and sagas as clients and operators read them.
 * <p>
 * Each read sees one snapshot (repeatable read): an order is loaded in several statements
 * (the order row, then its lines, then its saga), and under read committed a saga step
 * committing between them showed priced lines beside an unpriced total, an order the
 * domain refuses to build (a 500 seen in {@code OrderAccessIT}). Read-only transactions
 * never fail to serialize in PostgreSQL, so this costs no retries.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class OrderQueries {

	private final OrderRepository orders;

	private final SagaRepository sagas;

	OrderQueries(OrderRepository orders, SagaRepository sagas) {
		this.orders = orders;
		this.sagas = sagas;
	}

	/**
	 * The order, if there is one that {@code caller} may see: another client's order is
	 * not there for it.
	 */
	public Optional<OrderView> order(OrderId orderId, Caller caller) {
		return this.orders.find(orderId)
			.filter(caller::maySee)
			.map((order) -> new OrderView(order, this.sagas.find(orderId).orElseThrow().state()));
	}

	/**
	 * A page of the orders {@code caller} may see, newest first: three queries whatever
	 * the page size (the orders, their lines, their sagas' states). A client's page holds
	 * only its own orders, whatever the filter says; an operator's, everybody's the
	 * filter lets through.
	 * @param after where the page starts, or null for the first page
	 */
	public OrderListing list(Caller caller, Filter filter, Position after, int limit) {
		Filter visible = caller.operator() ? filter : filter.ownedBy(caller.clientId());
		List<Order> page = this.orders.newestFirst(visible, after, limit + 1);
		boolean more = page.size() > limit;
		List<Order> items = more ? page.subList(0, limit) : page;
		Map<OrderId, PlaceOrderSagaState> states = this.sagas.states(items.stream().map(Order::id).toList());
		return new OrderListing(items.stream().map((order) -> new OrderView(order, states.get(order.id()))).toList(),
				more ? Position.of(items.getLast()) : null);
	}

	/** The order's saga, if {@code caller} may see the order. */
	public Optional<SagaView> saga(OrderId orderId, Caller caller) {
		return this.orders.find(orderId)
			.filter(caller::maySee)
			.flatMap((order) -> this.sagas.find(orderId))
			.map((saga) -> new SagaView(saga, this.sagas.history(orderId)));
	}

}
