package io.orderflow.inventory.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/v1/products/{sku}/price}. */
record ChangePriceRequest(
		@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal price,
		@NotNull @IsoCurrency String currency) {
}
