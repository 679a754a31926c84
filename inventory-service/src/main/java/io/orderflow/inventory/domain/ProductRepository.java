package io.orderflow.inventory.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where products are kept. Every method runs in the caller's transaction. */
public interface ProductRepository {

	Optional<Product> find(String sku);

	/**
	 * The products among {@code skus} (unknown skus are left out), each locked until the
	 * transaction ends. The locks are taken in sku order whatever the order of
	 * {@code skus}, so transactions locking overlapping sets cannot deadlock.
	 */
	Map<String, Product> lockAll(Collection<String> skus);

	/**
	 * Adds a new product.
	 * @return false, changing nothing, when a product with its sku exists
	 */
	boolean insertIfAbsent(Product product);

	/**
	 * Stores the next state of a product read in this transaction.
	 * @throws RuntimeException when the stored version is not the one just before
	 * {@code product}'s (a change this transaction did not see)
	 */
	void update(Product product);

	/**
	 * Up to {@code limit} products in sku order, after {@code afterSku} (exclusive) when
	 * given, of {@code category} when given.
	 */
	List<Product> page(Optional<String> category, Optional<String> afterSku, int limit);

	boolean isEmpty();

}
