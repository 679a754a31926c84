package io.orderflow.contract.inventory;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * The whole current state of a product after any change; {@code version} orders them per
 * sku.
 */
@JsonTypeName("ProductChanged")
public record ProductChanged(String sku, String name, String description, String category, BigDecimal price,
		String currency, int available, int reserved, int sold, Instant changedAt,
		long version) implements InventoryEvent {
}
