package io.orderflow.payment.domain;

import java.util.Optional;
import java.util.UUID;

/** The stored payments, at most one per order. */
public interface Payments {

	Optional<Payment> find(UUID paymentId);

	Optional<Payment> forOrder(String orderId);

	/**
	 * Stores a new payment.
	 * @throws RuntimeException (a data access exception) when the order has a payment
	 * already
	 */
	void add(Payment payment);

	/**
	 * Stores a changed payment read at {@link Payment#version()}.
	 * @throws RuntimeException (an optimistic locking failure) when it changed since
	 */
	void update(Payment payment);

}
