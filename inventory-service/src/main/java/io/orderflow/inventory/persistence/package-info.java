/**
 * PostgreSQL storage of products and reservations with {@code JdbcClient}, not JPA: the
 * correctness of a reservation rests on the exact statements (row locks taken in sku
 * order, version-checked updates), which stay visible here instead of behind an entity
 * manager's flush. Schema: Flyway, {@code db/migration}.
 */
package io.orderflow.inventory.persistence;
