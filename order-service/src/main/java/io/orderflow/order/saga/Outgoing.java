package io.orderflow.order.saga;

import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.payment.PaymentCommand;

/**
 * A message the saga sends: a command to a participant or an order event, keyed by the
 * order id so that each participant sees one order's messages in the order they were
 * sent.
 */
public record Outgoing(String topic, String key, Object message) {

	static Outgoing command(InventoryCommand command) {
		return new Outgoing(InventoryCommand.TOPIC, command.orderId(), command);
	}

	static Outgoing command(PaymentCommand command) {
		return new Outgoing(PaymentCommand.TOPIC, command.orderId(), command);
	}

	static Outgoing event(OrderEvent event) {
		return new Outgoing(OrderEvent.TOPIC, event.orderId(), event);
	}

}
