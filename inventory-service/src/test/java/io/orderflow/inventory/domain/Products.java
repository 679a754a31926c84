package io.orderflow.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Object mother: products as the tests need them. */
final class Products {

	static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");

	private Products() {
	}

	static Product aProduct(String sku, String price, int available) {
		return aProduct(sku, price, "EUR", available);
	}

	static Product aProduct(String sku, String price, String currency, int available) {
		return Product.create(sku, "Product " + sku, "", "kitchen", new BigDecimal(price), currency, available,
				CREATED);
	}

}
