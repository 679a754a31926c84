package io.orderflow.inventory.domain;

/** A quantity of one product an order asks for. */
public record RequestedLine(String sku, int quantity) {

	public RequestedLine {
		if (sku == null || sku.isBlank()) {
			throw new IllegalArgumentException("A requested line needs a sku");
		}
		if (quantity <= 0) {
			throw new IllegalArgumentException("A requested quantity must be positive: " + sku + " x " + quantity);
		}
	}

}
