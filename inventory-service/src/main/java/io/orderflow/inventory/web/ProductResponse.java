package io.orderflow.inventory.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.orderflow.inventory.domain.Product;

/** A product as the API shows it (DESIGN.md §5), with its stock figures and version. */
record ProductResponse(String sku, String name, String description, String category, BigDecimal price, String currency,
		int available, int reserved, int sold, long version, Instant createdAt, Instant updatedAt) {

	static ProductResponse of(Product product) {
		return new ProductResponse(product.sku(), product.name(), product.description(), product.category(),
				product.price(), product.currency(), product.available(), product.reserved(), product.sold(),
				product.version(), product.createdAt(), product.updatedAt());
	}

}
