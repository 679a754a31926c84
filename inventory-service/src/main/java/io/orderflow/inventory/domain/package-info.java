/**
 * Products with their stock and the per-order reservations that move it, in plain Java:
 * the all-or-none reservation rules and every allowed status change live here.
 */
package io.orderflow.inventory.domain;
