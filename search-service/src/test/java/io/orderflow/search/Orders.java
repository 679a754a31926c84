package io.orderflow.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderLine;
import io.orderflow.contract.order.OrderPlaced;

/**
 * Object mother of orders: one order of a client and customer, as the events
 * order-service publishes about it and as its list endpoint shows it.
 */
final class Orders {

	private final String orderId = UUID.randomUUID().toString();

	private final String owner;

	private final String customerId;

	private final List<OrderLine> lines = new ArrayList<>();

	private Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private Orders(String owner, String customerId) {
		this.owner = owner;
		this.customerId = customerId;
	}

	static Orders anOrder(String owner, String customerId) {
		return new Orders(owner, customerId);
	}

	Orders of(String sku, String name, int quantity, String unitPrice) {
		this.lines.add(new OrderLine(sku, name, quantity, new BigDecimal(unitPrice)));
		return this;
	}

	Orders placedAt(Instant placedAt) {
		this.placedAt = placedAt;
		return this;
	}

	String id() {
		return this.orderId;
	}

	BigDecimal total() {
		return this.lines.stream()
			.map((line) -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	OrderPlaced placed(long version) {
		List<OrderLine> unpriced = this.lines.stream()
			.map((line) -> new OrderLine(line.sku(), null, line.quantity(), null))
			.toList();
		return new OrderPlaced(this.orderId, this.owner, this.customerId, unpriced, "PENDING", this.placedAt, version);
	}

	OrderConfirmed confirmed(long version) {
		return new OrderConfirmed(this.orderId, this.owner, this.customerId, List.copyOf(this.lines), total(), "EUR",
				"CONFIRMED", this.placedAt, this.placedAt.plusSeconds(1), version);
	}

	OrderCancelled cancelled(long version) {
		return new OrderCancelled(this.orderId, this.owner, this.customerId, List.copyOf(this.lines), total(), "EUR",
				"CANCELLED", "PAYMENT_DECLINED", "card_declined", this.placedAt, this.placedAt.plusSeconds(1), version);
	}

	/**
	 * The order as order-service's list shows it in {@code status} at {@code version}.
	 */
	Map<String, Object> asListed(String status, long version) {
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("orderId", this.orderId);
		order.put("owner", this.owner);
		order.put("customerId", this.customerId);
		order.put("status", status);
		order.put("items",
				this.lines.stream()
					.map((line) -> Map.of("sku", line.sku(), "name", line.name(), "quantity", line.quantity(),
							"unitPrice", line.unitPrice()))
					.toList());
		order.put("total", total());
		order.put("currency", "EUR");
		order.put("createdAt", this.placedAt.toString());
		order.put("updatedAt", this.placedAt.plusSeconds(version).toString());
		order.put("version", version);
		return order;
	}

}
