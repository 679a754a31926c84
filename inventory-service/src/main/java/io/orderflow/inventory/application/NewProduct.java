package io.orderflow.inventory.application;

import java.math.BigDecimal;

/** A product to add to the catalogue, with its first stock figure. */
public record NewProduct(String sku, String name, String description, String category, BigDecimal price,
		String currency, int available) {
}
