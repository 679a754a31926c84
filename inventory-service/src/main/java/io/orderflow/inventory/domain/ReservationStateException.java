package io.orderflow.inventory.domain;

/**
 * A command that a reservation in its current status can never accept, such as releasing
 * sold stock: a bug in whoever sent it, not something a retry can fix.
 */
public class ReservationStateException extends RuntimeException {

	public ReservationStateException(String message) {
		super(message);
	}

}
