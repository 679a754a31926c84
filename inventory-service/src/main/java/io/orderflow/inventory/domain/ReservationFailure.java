package io.orderflow.inventory.domain;

/** Why an order gets no stock. */
public enum ReservationFailure {

	/** At least one sku names no product. */
	UNKNOWN_PRODUCT,

	/**
	 * The products are priced in more than one currency: an order has one total, so it
	 * cannot be priced.
	 */
	MIXED_CURRENCY,

	/** At least one product has less available than asked for. */
	OUT_OF_STOCK,

	/** The order was released (cancelled) before or after it was reserved. */
	ALREADY_RELEASED

}
