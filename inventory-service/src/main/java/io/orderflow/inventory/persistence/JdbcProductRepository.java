package io.orderflow.inventory.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.orderflow.inventory.domain.Product;
import io.orderflow.inventory.domain.ProductRepository;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProductRepository implements ProductRepository {

	private static final String COLUMNS = """
			sku, name, description, category, price, currency, available, reserved, sold, version, created_at, \
			updated_at""";

	private final JdbcClient jdbc;

	JdbcProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Product> find(String sku) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku = ?")
			.param(sku)
			.query(JdbcProductRepository::product)
			.optional();
	}

	/**
	 * One statement locks them all, in the order of {@code ORDER BY sku}: PostgreSQL
	 * locks rows as the sorted result emits them, and the column's "C" collation makes
	 * that order the same for every transaction.
	 */
	@Override
	public Map<String, Product> lockAll(Collection<String> skus) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		Map<String, Product> products = new LinkedHashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + " FROM product WHERE sku = ANY(?) ORDER BY sku FOR UPDATE")
			.param(skus.stream().distinct().toArray(String[]::new))
			.query(JdbcProductRepository::product)
			.list()
			.forEach((product) -> products.put(product.sku(), product));
		return products;
	}

	@Override
	public boolean insertIfAbsent(Product product) {
		return this.jdbc
			.sql("INSERT INTO product (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
					+ "ON CONFLICT (sku) DO NOTHING")
			.params(product.sku(), product.name(), product.description(), product.category(), product.price(),
					product.currency(), product.available(), product.reserved(), product.sold(), product.version(),
					timestamp(product.createdAt()), timestamp(product.updatedAt()))
			.update() == 1;
	}

	@Override
	public void update(Product product) {
		int updated = this.jdbc.sql("""
				UPDATE product SET name = ?, description = ?, category = ?, price = ?, currency = ?, available = ?,
				    reserved = ?, sold = ?, version = ?, updated_at = ?
				WHERE sku = ? AND version = ?""")
			.params(product.name(), product.description(), product.category(), product.price(), product.currency(),
					product.available(), product.reserved(), product.sold(), product.version(),
					timestamp(product.updatedAt()), product.sku(), product.version() - 1)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Product " + product.sku() + " is not at version "
					+ (product.version() - 1) + " any more: changed by a transaction that did not lock it");
		}
	}

	@Override
	public List<Product> page(Optional<String> category, Optional<String> afterSku, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM product WHERE true");
		category.ifPresent((value) -> sql.append(" AND category = :category"));
		afterSku.ifPresent((value) -> sql.append(" AND sku > :after"));
		sql.append(" ORDER BY sku LIMIT :limit");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("limit", limit);
		if (category.isPresent()) {
			statement = statement.param("category", category.get());
		}
		if (afterSku.isPresent()) {
			statement = statement.param("after", afterSku.get());
		}
		return statement.query(JdbcProductRepository::product).list();
	}

	@Override
	public boolean isEmpty() {
		return !this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM product)").query(Boolean.class).single();
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Product product(ResultSet row, int rowNumber) throws SQLException {
		return new Product(row.getString("sku"), row.getString("name"), row.getString("description"),
				row.getString("category"), row.getBigDecimal("price"), row.getString("currency"),
				row.getInt("available"), row.getInt("reserved"), row.getInt("sold"), row.getLong("version"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
