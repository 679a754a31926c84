package io.orderflow.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.order.OrderLine;
import io.orderflow.contract.order.OrderPlaced;

/**
 * An order as the {@code orders} index holds it: the whole order after the event (or the
 * source's read) of {@code version}, which is also the document's external version. The
 * product names of its lines make it findable by what was bought.
 */
record OrderDocument(String orderId, String owner, String customerId, String status, String reason, List<Line> items,
		BigDecimal total, String currency, Instant placedAt, Instant updatedAt, long version) {

	OrderDocument {
		items = (items != null) ? List.copyOf(items) : List.of();
	}

	static OrderDocument of(OrderEvent event) {
		return switch (event) {
			case OrderPlaced placed ->
				new OrderDocument(placed.orderId(), placed.owner(), placed.customerId(), placed.status(), null,
						lines(placed.items()), null, null, placed.placedAt(), placed.placedAt(), placed.version());
			case OrderConfirmed confirmed -> new OrderDocument(confirmed.orderId(), confirmed.owner(),
					confirmed.customerId(), confirmed.status(), null, lines(confirmed.items()), confirmed.total(),
					confirmed.currency(), confirmed.placedAt(), confirmed.confirmedAt(), confirmed.version());
			case OrderCancelled cancelled ->
				new OrderDocument(cancelled.orderId(), cancelled.owner(), cancelled.customerId(), cancelled.status(),
						cancelled.reason(), lines(cancelled.items()), cancelled.total(), cancelled.currency(),
						cancelled.placedAt(), cancelled.cancelledAt(), cancelled.version());
		};
	}

	private static List<Line> lines(List<OrderLine> lines) {
		return (lines != null) ? lines.stream()
			.map((line) -> new Line(line.sku(), line.name(), line.quantity(), line.unitPrice()))
			.toList() : List.of();
	}

	record Line(String sku, String name, int quantity, BigDecimal unitPrice) {
	}

}
