package io.orderflow.order.saga;

import java.util.List;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderLine;
import io.orderflow.contract.order.OrderPlaced;
import io.orderflow.order.domain.Order;

/**
 * The order events as the projections need them: the whole order after the change, with
 * the version it has then, so search and notifications never call back.
 */
final class OrderEvents {

	private OrderEvents() {
	}

	static OrderPlaced placed(Order order) {
		return new OrderPlaced(order.id().toString(), order.owner(), order.customerId(), items(order),
				order.status().name(), order.createdAt(), order.version());
	}

	static OrderConfirmed confirmed(Order order) {
		return new OrderConfirmed(order.id().toString(), order.owner(), order.customerId(), items(order), order.total(),
				order.currency(), order.status().name(), order.createdAt(), order.updatedAt(), order.version());
	}

	static OrderCancelled cancelled(Order order) {
		return new OrderCancelled(order.id().toString(), order.owner(), order.customerId(), items(order), order.total(),
				order.currency(), order.status().name(), order.cancellationReason(), order.cancellationDetail(),
				order.createdAt(), order.updatedAt(), order.version());
	}

	private static List<OrderLine> items(Order order) {
		return order.lines()
			.stream()
			.map((line) -> new OrderLine(line.sku(), line.name(), line.quantity(), line.unitPrice()))
			.toList();
	}

}
