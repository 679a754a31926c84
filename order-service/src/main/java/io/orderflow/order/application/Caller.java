package io.orderflow.order.application;

import java.util.Objects;

import io.orderflow.order.domain.Order;

/**
 * Who reads orders: an API client, which sees the orders it placed and no others, or an
 * operator, who sees every client's.
 *
 * @param clientId the client's id, as its access token names it
 * @param operator whether the client acts as an operator (scope {@code admin})
 */
public record Caller(String clientId, boolean operator) {

	public Caller {
		Objects.requireNonNull(clientId, "clientId");
	}

	public boolean maySee(Order order) {
		return this.operator || order.owner().equals(this.clientId);
	}

}
