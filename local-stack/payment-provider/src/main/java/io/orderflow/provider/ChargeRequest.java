package io.orderflow.provider;

import java.math.BigDecimal;
import java.util.Locale;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /v1/charges}: an amount in major units (at most two decimals),
 * the card token, and the order it pays for.
 */
public record ChargeRequest(@NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
		@NotBlank @Pattern(regexp = "[A-Za-z]{3}",
				message = "must be a three-letter ISO currency code") String currency,
		@NotBlank String source, @NotBlank String orderId, String customerId) {

	/**
	 * The same request however it was spelled ({@code 44.9} and {@code 44.90},
	 * {@code eur} and {@code EUR}): what an idempotency key is compared against.
	 */
	ChargeRequest normalized() {
		return new ChargeRequest(this.amount.setScale(2), this.currency.toUpperCase(Locale.ROOT), this.source,
				this.orderId, this.customerId);
	}

}
