/**
 * Products, stock and per-order reservations.
 */
package io.orderflow.inventory;
