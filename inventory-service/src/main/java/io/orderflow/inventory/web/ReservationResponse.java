package io.orderflow.inventory.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.orderflow.inventory.domain.Reservation;
import io.orderflow.inventory.domain.ReservationLine;

/** An order's reservation as operators see it. */
record ReservationResponse(String orderId, String status, String failureReason, List<String> unavailableSkus,
		List<Line> lines, BigDecimal total, String currency, Instant createdAt, Instant updatedAt) {

	static ReservationResponse of(Reservation reservation) {
		return new ReservationResponse(reservation.orderId(), reservation.status().name(),
				(reservation.failureReason() != null) ? reservation.failureReason().name() : null,
				reservation.unavailableSkus(), reservation.lines().stream().map(Line::of).toList(), reservation.total(),
				reservation.currency(), reservation.createdAt(), reservation.updatedAt());
	}

	record Line(String sku, String name, int quantity, BigDecimal unitPrice) {

		static Line of(ReservationLine line) {
			return new Line(line.sku(), line.name(), line.quantity(), line.unitPrice());
		}

	}

}
