package io.orderflow.order.web;

import io.orderflow.order.application.OrderManagement;
import io.orderflow.order.application.OrderQueries;
import io.orderflow.order.application.Resumption;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.web.Responses.SagaResponse;
import io.orderflow.web.ApiProblem;
import io.orderflow.web.security.CurrentClient;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An order's saga, for operators: its state, history, and the way out of parking. */
@RestController
@RequestMapping("/api/v1/orders/{orderId}/saga")
class SagaController {

	private final OrderManagement management;

	private final OrderQueries queries;

	SagaController(OrderManagement management, OrderQueries queries) {
		this.management = management;
		this.queries = queries;
	}

	@GetMapping
	ResponseEntity<SagaResponse> saga(@PathVariable String orderId, CurrentClient client) {
		SagaResponse saga = OrderId.parse(orderId)
			.flatMap((id) -> this.queries.saga(id, OrderController.caller(client)))
			.map(SagaResponse::of)
			.orElseThrow(() -> OrderController.notFound(orderId));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(saga);
	}

	/**
	 * Sends a parked saga's pending compensations again; 202 because their outcome
	 * arrives later. Operators only (scope {@code admin}, see {@link ApiScopes}), whoever
	 * placed the order.
	 */
	@PostMapping("/resume")
	ResponseEntity<SagaResponse> resume(@PathVariable String orderId) {
		OrderId id = OrderId.parse(orderId).orElseThrow(() -> OrderController.notFound(orderId));
		return switch (this.management.resume(id)) {
			case Resumption.Resumed(var saga) -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.cacheControl(CacheControl.noStore())
				.body(SagaResponse.of(saga));
			case Resumption.NotParked(var state) -> throw ApiProblem
				.conflict("SAGA_NOT_PARKED",
						"Only a saga parked in COMPENSATION_FAILED can be resumed; this one is " + state + ".")
				.with("state", state.name());
			case Resumption.UnknownOrder() -> throw OrderController.notFound(orderId);
		};
	}

}
