/**
 * Inventory: the product catalogue with its stock, and the per-order reservations the
 * place-order saga reserves, releases and commits over Kafka.
 */
package io.orderflow.inventory;
