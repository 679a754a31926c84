/**
 * Storage of payments (JPA, optimistic locking) and of the append-only attempt log (JDBC,
 * written in transactions of its own); the Flyway migrations are in {@code db/migration}.
 */
package io.orderflow.payment.persistence;
