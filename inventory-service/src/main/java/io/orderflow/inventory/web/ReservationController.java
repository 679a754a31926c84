package io.orderflow.inventory.web;

import io.orderflow.inventory.application.ReservationManagement;
import io.orderflow.web.ApiProblem;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/reservations")
class ReservationController {

	private final ReservationManagement reservations;

	ReservationController(ReservationManagement reservations) {
		this.reservations = reservations;
	}

	@GetMapping("/{orderId}")
	ReservationResponse get(@PathVariable String orderId) {
		return ReservationResponse.of(this.reservations.find(orderId)
			.orElseThrow(() -> ApiProblem
				.notFound("RESERVATION_NOT_FOUND", "Inventory has no reservation for order " + orderId + ".")
				.with("orderId", orderId)));
	}

}
