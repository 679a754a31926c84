package io.orderflow.order.saga;

import java.util.List;

import io.orderflow.order.domain.Order;

/**
 * What the saga decided: the saga and the order after the input (the same instances when
 * nothing changed), the messages to send, in order, and the step to record.
 */
public record Decision(SagaInstance saga, Order order, List<Outgoing> messages, SagaStep step) {

	public Decision {
		messages = List.copyOf(messages);
	}

}
