package io.orderflow.payment.domain;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the saga asks to charge, checked once here so nothing invalid reaches the provider
 * or the {@code numeric(12,2)} column.
 *
 * @param customerId optional: the provider records it, nothing depends on it
 * @param currency an ISO 4217 code, upper-cased
 * @param paymentToken the card token the provider charges
 */
public record ChargeRequest(String orderId, String customerId, BigDecimal amount, String currency,
		String paymentToken) {

	private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

	/** {@code numeric(12,2)}: ten digits before the point. */
	private static final BigDecimal LIMIT = new BigDecimal("10000000000");

	/**
	 * @throws InvalidPaymentRequest when a field is missing, the amount is not positive,
	 * has more than two decimals or does not fit, or the currency is not three letters
	 */
	public ChargeRequest {
		if (orderId == null || orderId.isBlank()) {
			throw new InvalidPaymentRequest("A charge needs an orderId");
		}
		if (amount == null || amount.signum() <= 0) {
			throw new InvalidPaymentRequest("Order " + orderId + ": the amount must be positive, was " + amount);
		}
		if (amount.stripTrailingZeros().scale() > 2 || amount.compareTo(LIMIT) >= 0) {
			throw new InvalidPaymentRequest(
					"Order " + orderId + ": the amount must have at most two decimals and ten digits, was " + amount);
		}
		if (currency == null || !CURRENCY.matcher(currency).matches()) {
			throw new InvalidPaymentRequest(
					"Order " + orderId + ": the currency must be a three-letter ISO code, was " + currency);
		}
		if (paymentToken == null || paymentToken.isBlank()) {
			throw new InvalidPaymentRequest("Order " + orderId + ": a charge needs a payment token");
		}
		amount = Money.of(amount);
		currency = currency.toUpperCase(Locale.ROOT);
	}

}
