package io.orderflow.contract.order;

/**
 * What happens to an order, published by order-service on {@value #TOPIC}, keyed by
 * {@code orderId}. Each event carries everything the projections need (customer, lines,
 * totals, status, version), so search and notifications never call back.
 */
public sealed interface OrderEvent permits OrderPlaced, OrderConfirmed, OrderCancelled {

	String TOPIC = "order.events";

	String orderId();

	/**
	 * The API client that placed the order (its token's subject): projections show an
	 * order's notifications and search hits to it and to operators only. Added after the
	 * first events were published, so null in those.
	 */
	String owner();

	/**
	 * The order's version after this event; projections drop anything older than what
	 * they hold.
	 */
	long version();

}
