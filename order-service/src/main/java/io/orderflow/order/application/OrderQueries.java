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
import org.springframework.transaction.annotation.Transactional;

/** Orders and sagas as clients and operators read them. */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

	private final OrderRepository orders;

	private final SagaRepository sagas;

	OrderQueries(OrderRepository orders, SagaRepository sagas) {
		this.orders = orders;
		this.sagas = sagas;
	}

	public Optional<OrderView> order(OrderId orderId) {
		return this.orders.find(orderId)
			.map((order) -> new OrderView(order, this.sagas.find(orderId).orElseThrow().state()));
	}

	/**
	 * A page of orders, newest first: three queries whatever the page size (the orders,
	 * their lines, their sagas' states).
	 * @param after where the page starts, or null for the first page
	 */
	public OrderListing list(Filter filter, Position after, int limit) {
		List<Order> page = this.orders.newestFirst(filter, after, limit + 1);
		boolean more = page.size() > limit;
		List<Order> items = more ? page.subList(0, limit) : page;
		Map<OrderId, PlaceOrderSagaState> states = this.sagas.states(items.stream().map(Order::id).toList());
		return new OrderListing(items.stream().map((order) -> new OrderView(order, states.get(order.id()))).toList(),
				more ? Position.of(items.getLast()) : null);
	}

	public Optional<SagaView> saga(OrderId orderId) {
		return this.sagas.find(orderId).map((saga) -> new SagaView(saga, this.sagas.history(orderId)));
	}

}
