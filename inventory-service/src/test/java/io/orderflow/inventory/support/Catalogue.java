package io.orderflow.inventory.support;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

import io.orderflow.inventory.application.NewProduct;
import io.orderflow.inventory.application.ProductManagement;
import io.orderflow.inventory.domain.Product;

/** Object mother: products of a test's own, created through the catalogue's use case. */
public final class Catalogue {

	private final ProductManagement products;

	public Catalogue(ProductManagement products) {
		this.products = products;
	}

	/** A new product with a sku no other test uses. */
	public Product aProduct(String price, int available) {
		return aProduct(price, "EUR", available);
	}

	public Product aProduct(String price, String currency, int available) {
		return this.products.create(new NewProduct(uniqueSku(), "Test product", "For one test only", "test",
				new BigDecimal(price), currency, available));
	}

	public Product current(Product product) {
		return this.products.find(product.sku()).orElseThrow();
	}

	public static String uniqueSku() {
		return "T-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
	}

	public static String anOrderId() {
		return UUID.randomUUID().toString();
	}

}
