package io.orderflow.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where orders are kept. */
public interface OrderRepository {

	Optional<Order> find(OrderId id);

	/**
	 * Orders newest first (by creation time, then id), starting after {@code after}.
	 * @param after the last order of the previous page, or null for the first page
	 */
	List<Order> newestFirst(Filter filter, Position after, int limit);

	/** Stores a newly placed order. */
	void add(Order order);

	/**
	 * Stores {@code order} over the version before it.
	 * @throws RuntimeException (an optimistic locking failure) when somebody else changed
	 * the order in between
	 */
	void update(Order order);

	/**
	 * Which orders to list.
	 *
	 * @param owner only orders this API client placed, or null for every client's
	 * @param customerId only this customer's orders, or null for everybody's
	 * @param status only orders in this status, or null for all
	 */
	record Filter(String owner, String customerId, OrderStatus status) {

		/** This filter, narrowed to the orders {@code owner} placed. */
		public Filter ownedBy(String owner) {
			return new Filter(owner, this.customerId, this.status);
		}

	}

	/** A place in the newest-first order of all orders. */
	record Position(Instant createdAt, OrderId orderId) {

		public Position {
			Objects.requireNonNull(createdAt, "createdAt");
			Objects.requireNonNull(orderId, "orderId");
		}

		public static Position of(Order order) {
			return new Position(order.createdAt(), order.id());
		}

	}

}
