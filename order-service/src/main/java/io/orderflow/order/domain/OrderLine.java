package io.orderflow.order.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantity of one product; {@code name} and {@code unitPrice} are null until inventory
 * has priced the order (order-service keeps no catalogue of its own).
 */
public record OrderLine(String sku, String name, int quantity, BigDecimal unitPrice) {

	public OrderLine {
		Objects.requireNonNull(sku, "sku");
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be positive: " + quantity);
		}
		if ((name == null) != (unitPrice == null)) {
			throw new IllegalArgumentException("A line is priced with a name and a unit price, or not at all");
		}
	}

	public static OrderLine unpriced(String sku, int quantity) {
		return new OrderLine(sku, null, quantity, null);
	}

	public boolean isPriced() {
		return this.unitPrice != null;
	}

	OrderLine priced(String name, BigDecimal unitPrice) {
		return new OrderLine(this.sku, Objects.requireNonNull(name, "name"), this.quantity,
				Money.amount(Objects.requireNonNull(unitPrice, "unitPrice")));
	}

}
