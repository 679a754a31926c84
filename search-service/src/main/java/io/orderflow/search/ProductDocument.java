package io.orderflow.search;

import java.math.BigDecimal;
import java.time.Instant;

import io.orderflow.contract.inventory.ProductChanged;

/**
 * A product as the {@code products} index holds it: its whole state at {@code version},
 * which is also the document's external version.
 */
record ProductDocument(String sku, String name, String description, String category, BigDecimal price, String currency,
		int available, int reserved, int sold, Instant updatedAt, long version) {

	static ProductDocument of(ProductChanged changed) {
		return new ProductDocument(changed.sku(), changed.name(), changed.description(), changed.category(),
				changed.price(), changed.currency(), changed.available(), changed.reserved(), changed.sold(),
				changed.changedAt(), changed.version());
	}

}
