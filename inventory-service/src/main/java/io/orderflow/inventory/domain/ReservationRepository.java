package io.orderflow.inventory.domain;

import java.util.Optional;

/** Where reservations are kept. Every method runs in the caller's transaction. */
public interface ReservationRepository {

	Optional<Reservation> find(String orderId);

	/** The order's reservation, locked until the transaction ends. */
	Optional<Reservation> lock(String orderId);

	/**
	 * Adds the first reservation of an order.
	 * @throws RuntimeException when the order has one: two transactions raced for the
	 * same order, and the loser is retried and then finds the winner's
	 */
	void insert(Reservation reservation);

	/** Stores the new status of a reservation read in this transaction. */
	void update(Reservation reservation);

}
