package io.orderflow.inventory.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.orderflow.inventory.domain.Product;
import io.orderflow.inventory.domain.ProductRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue: products, their prices and their stock figures. */
@Service
public class ProductManagement {

	private final ProductRepository products;

	private final ProductChanges changes;

	private final Clock clock;

	public ProductManagement(ProductRepository products, ProductChanges changes, Clock clock) {
		this.products = products;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * Adds a product.
	 * @throws ProductAlreadyExistsException when its sku is taken
	 * @throws IllegalArgumentException when a field breaks a rule of {@link Product}
	 */
	@Transactional
	public Product create(NewProduct request) {
		Product product = Product.create(request.sku(), request.name(), request.description(), request.category(),
				request.price(), request.currency(), request.available(), InventoryClock.now(this.clock));
		if (!this.products.insertIfAbsent(product)) {
			throw new ProductAlreadyExistsException(product.sku());
		}
		this.changes.changed(product);
		return product;
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return this.products.isEmpty();
	}

	@Transactional(readOnly = true)
	public Optional<Product> find(String sku) {
		return this.products.find(sku);
	}

	/**
	 * Up to {@code limit} products in sku order after {@code afterSku}, of
	 * {@code category} when given.
	 */
	@Transactional(readOnly = true)
	public ProductPage page(Optional<String> category, Optional<String> afterSku, int limit) {
		List<Product> items = this.products.page(category, afterSku, limit + 1);
		if (items.size() <= limit) {
			return new ProductPage(items, Optional.empty());
		}
		List<Product> page = items.subList(0, limit);
		return new ProductPage(List.copyOf(page), Optional.of(page.getLast().sku()));
	}

	/**
	 * Sets the stock that can be reserved, as counted; empty when there is no such
	 * product.
	 */
	@Transactional
	public Optional<Product> setAvailable(String sku, int available) {
		return change(sku, (product) -> product.withAvailable(available, InventoryClock.now(this.clock)));
	}

	/** Sets the price of future reservations; empty when there is no such product. */
	@Transactional
	public Optional<Product> changePrice(String sku, BigDecimal price, String currency) {
		return change(sku, (product) -> product.withPrice(price, currency, InventoryClock.now(this.clock)));
	}

	/** Under the product's lock, so no reservation moves its stock in between. */
	private Optional<Product> change(String sku, UnaryOperator<Product> change) {
		return Optional.ofNullable(this.products.lockAll(List.of(sku)).get(sku)).map((current) -> {
			Product changed = change.apply(current);
			if (changed != current) {
				this.products.update(changed);
				this.changes.changed(changed);
			}
			return changed;
		});
	}

}
