package io.orderflow.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A product and its stock: {@code available} can be reserved, {@code reserved} is held
 * for orders in flight, {@code sold} is committed. Immutable: every change returns the
 * next state with {@code version} one higher, the number consumers of ProductChanged
 * order states by.
 */
public record Product(String sku, String name, String description, String category, BigDecimal price, String currency,
		int available, int reserved, int sold, long version, Instant createdAt, Instant updatedAt) {

	/** Upper-case letters, digits and dashes, as they are printed on labels. */
	public static final Pattern SKU = Pattern.compile("[A-Z0-9-]{1,64}");

	public static final int MAX_NAME_LENGTH = 200;

	public static final int MAX_DESCRIPTION_LENGTH = 2000;

	public static final int MAX_CATEGORY_LENGTH = 64;

	/** What {@code numeric(12,2)} holds. */
	private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

	public Product {
		require(sku != null && SKU.matcher(sku).matches(), "sku must match " + SKU + ": " + sku);
		require(name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH,
				"name must be 1 to " + MAX_NAME_LENGTH + " characters");
		description = (description != null) ? description : "";
		require(description.length() <= MAX_DESCRIPTION_LENGTH,
				"description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
		require(category != null && !category.isBlank() && category.length() <= MAX_CATEGORY_LENGTH,
				"category must be 1 to " + MAX_CATEGORY_LENGTH + " characters");
		price = price(price);
		currency = currency(currency);
		require(available >= 0 && reserved >= 0 && sold >= 0, "stock figures cannot be negative");
		require(version > 0, "version starts at 1");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	/** A new product with {@code available} in stock, at version 1. */
	public static Product create(String sku, String name, String description, String category, BigDecimal price,
			String currency, int available, Instant now) {
		return new Product(sku, name, description, category, price, currency, available, 0, 0, 1, now, now);
	}

	/**
	 * A price as stored and published: positive, at most two decimals, scale 2.
	 * @throws IllegalArgumentException otherwise
	 */
	public static BigDecimal price(BigDecimal price) {
		require(price != null && price.signum() > 0, "price must be positive");
		require(price.stripTrailingZeros().scale() <= 2, "price has at most two decimals: " + price);
		BigDecimal scaled = price.setScale(2, RoundingMode.UNNECESSARY);
		require(scaled.compareTo(MAX_PRICE) <= 0, "price must be at most " + MAX_PRICE);
		return scaled;
	}

	/**
	 * An ISO 4217 currency code.
	 * @throws IllegalArgumentException otherwise
	 */
	public static String currency(String currency) {
		require(currency != null && currency.matches("[A-Z]{3}"), "currency must be an ISO 4217 code: " + currency);
		try {
			Currency.getInstance(currency);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency, ex);
		}
		return currency;
	}

	public boolean canSupply(int quantity) {
		return this.available >= quantity;
	}

	/** Moves {@code quantity} from available to reserved. */
	public Product reserve(int quantity, Instant at) {
		requirePositive(quantity);
		if (!canSupply(quantity)) {
			throw new IllegalStateException(
					"Cannot reserve " + quantity + " of " + this.sku + ": " + this.available + " available");
		}
		return next(this.price, this.currency, this.available - quantity, this.reserved + quantity, this.sold, at);
	}

	/** Moves {@code quantity} from reserved back to available. */
	public Product release(int quantity, Instant at) {
		requireReserved(quantity);
		return next(this.price, this.currency, this.available + quantity, this.reserved - quantity, this.sold, at);
	}

	/** Moves {@code quantity} from reserved to sold. */
	public Product commit(int quantity, Instant at) {
		requireReserved(quantity);
		return next(this.price, this.currency, this.available, this.reserved - quantity, this.sold + quantity, at);
	}

	/**
	 * Sets the stock that can be reserved (a stock count, a delivery); what is reserved
	 * and sold stays. Setting the current figure changes nothing, not even the version.
	 */
	public Product withAvailable(int available, Instant at) {
		require(available >= 0, "available cannot be negative");
		if (available == this.available) {
			return this;
		}
		return next(this.price, this.currency, available, this.reserved, this.sold, at);
	}

	/**
	 * Changes the price of future reservations; reservations already made keep theirs.
	 * The current price changes nothing, not even the version.
	 */
	public Product withPrice(BigDecimal price, String currency, Instant at) {
		BigDecimal newPrice = price(price);
		String newCurrency = currency(currency);
		if (newPrice.equals(this.price) && newCurrency.equals(this.currency)) {
			return this;
		}
		return next(newPrice, newCurrency, this.available, this.reserved, this.sold, at);
	}

	private Product next(BigDecimal price, String currency, int available, int reserved, int sold, Instant at) {
		return new Product(this.sku, this.name, this.description, this.category, price, currency, available, reserved,
				sold, this.version + 1, this.createdAt, at);
	}

	private void requireReserved(int quantity) {
		requirePositive(quantity);
		if (quantity > this.reserved) {
			throw new IllegalStateException("Cannot take " + quantity + " of " + this.sku + " out of reservation: "
					+ this.reserved + " reserved");
		}
	}

	private static void requirePositive(int quantity) {
		require(quantity > 0, "quantity must be positive: " + quantity);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
