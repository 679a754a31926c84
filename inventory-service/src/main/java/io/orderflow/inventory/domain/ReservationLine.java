package io.orderflow.inventory.domain;

import java.math.BigDecimal;

/** A quantity of one product held for an order, at the price it was reserved at. */
public record ReservationLine(String sku, String name, int quantity, BigDecimal unitPrice) {

	public BigDecimal amount() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
