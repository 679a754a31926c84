package io.orderflow.inventory.domain;

/** Where an order's reservation stands. */
public enum ReservationStatus {

	/** Stock is held for the order. */
	RESERVED,

	/**
	 * Nothing is held: the held stock was given back, or ReleaseStock came before any
	 * ReserveStock (a tombstone, so a late ReserveStock reserves nothing).
	 */
	RELEASED,

	/** The held stock is sold. */
	COMMITTED,

	/** ReserveStock was refused; nothing was ever held. */
	FAILED

}
