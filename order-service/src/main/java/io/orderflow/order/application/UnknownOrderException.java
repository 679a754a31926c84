package io.orderflow.order.application;

import io.orderflow.order.domain.OrderId;

/** A message refers to an order this service never placed. */
public class UnknownOrderException extends RuntimeException {

	public UnknownOrderException(OrderId orderId) {
		super("No order " + orderId);
	}

}
