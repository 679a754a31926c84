package io.orderflow.inventory.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The body of {@code PUT /api/v1/products/{sku}/stock}: the absolute figure, not a delta.
 */
record SetStockRequest(@NotNull @PositiveOrZero Integer available) {
}
