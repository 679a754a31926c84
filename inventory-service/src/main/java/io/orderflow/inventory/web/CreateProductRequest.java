package io.orderflow.inventory.web;

import java.math.BigDecimal;

import io.orderflow.inventory.application.NewProduct;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/products}; the rules are those of the product table.
 */
record CreateProductRequest(
		@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "[A-Z0-9-]+",
				message = "must be upper-case letters, digits and dashes") String sku,
		@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
		@NotBlank @Size(max = 64) String category,
		@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal price,
		@NotNull @IsoCurrency String currency, @NotNull @PositiveOrZero Integer available) {

	NewProduct toNewProduct() {
		return new NewProduct(this.sku, this.name, this.description, this.category, this.price, this.currency,
				this.available);
	}

}
