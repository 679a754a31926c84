package io.orderflow.inventory.domain;

import java.util.List;

/**
 * A reservation after a command, the products whose stock the command moved, and the
 * lines it moved (none when the command changed nothing).
 */
public record ReservationChange(Reservation reservation, List<Product> changedProducts,
		List<ReservationLine> movedLines) {

	public ReservationChange {
		changedProducts = List.copyOf(changedProducts);
		movedLines = List.copyOf(movedLines);
	}

	static ReservationChange unchanged(Reservation reservation) {
		return new ReservationChange(reservation, List.of(), List.of());
	}

}
