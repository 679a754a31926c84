/**
 * The repositories of orders, sagas and idempotency records on PostgreSQL: JPA entities
 * that stay in this package, mapped to and from the domain's immutable values, and plain
 * SQL where a statement says it better (claiming due deadlines, claiming a key).
 * Migrations live in {@code resources/db/migration}.
 */
package io.orderflow.order.persistence;
