package io.orderflow.order.web;

import java.util.List;

import io.orderflow.order.domain.OrderRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/orders}; unknown members are ignored. */
record PlaceOrderRequest(@NotBlank @Size(max = 64) String customerId,
		@NotNull @Size(min = 1, max = 100) @UniqueSkus List<@NotNull @Valid Item> items,
		@NotNull @Valid Payment payment) {

	OrderRequest toOrderRequest() {
		return new OrderRequest(this.customerId,
				this.items.stream().map((item) -> new OrderRequest.Item(item.sku(), item.quantity())).toList(),
				this.payment.token());
	}

	record Item(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {
	}

	record Payment(@NotNull @Pattern(regexp = "tok_[A-Za-z0-9_]{1,60}",
			message = "must be a payment token: tok_ and 1 to 60 letters, digits or underscores") String token) {
	}

}
