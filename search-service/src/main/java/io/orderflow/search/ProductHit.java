package io.orderflow.search;

import java.math.BigDecimal;
import java.time.Instant;

/** A product in search results: DESIGN's product shape plus its description. */
record ProductHit(String sku, String name, String description, String category, BigDecimal price, String currency,
		int available, int reserved, int sold, Instant updatedAt, long version) {

	static ProductHit of(ProductDocument document) {
		return new ProductHit(document.sku(), document.name(), document.description(), document.category(),
				OrderHit.money(document.price()), document.currency(), document.available(), document.reserved(),
				document.sold(), document.updatedAt(), document.version());
	}

}
