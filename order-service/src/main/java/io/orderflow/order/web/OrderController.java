package io.orderflow.order.web;

import java.net.URI;

import io.orderflow.order.application.Caller;
import io.orderflow.order.application.IdempotencyKey;
import io.orderflow.order.application.OrderListing;
import io.orderflow.order.application.OrderManagement;
import io.orderflow.order.application.OrderQueries;
import io.orderflow.order.application.Placement;
import io.orderflow.order.application.StoredResponse;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderRepository.Filter;
import io.orderflow.order.domain.OrderRepository.Position;
import io.orderflow.order.domain.OrderStatus;
import io.orderflow.order.web.Responses.OrderPage;
import io.orderflow.order.web.Responses.OrderResponse;
import io.orderflow.order.web.Responses.Placed;
import io.orderflow.web.ApiProblem;
import io.orderflow.web.security.CurrentClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final OrderManagement management;

	private final OrderQueries queries;

	private final JsonMapper json;

	OrderController(OrderManagement management, OrderQueries queries, JsonMapper json) {
		this.management = management;
		this.queries = queries;
		this.json = json;
	}

	/**
	 * Accepts an order; what becomes of it shows at its {@code Location}. A retry with
	 * the same key and the same content gets the first response again, whatever became of
	 * the order since.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> place(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@Valid @RequestBody PlaceOrderRequest request, CurrentClient client) {
		if (idempotencyKey == null) {
			throw ApiProblem.badRequest("IDEMPOTENCY_KEY_MISSING",
					"Send an Idempotency-Key header (1 to 255 characters) so that a retry cannot place the order twice.");
		}
		if (!IdempotencyKey.isValid(idempotencyKey)) {
			throw ApiProblem.badRequest("IDEMPOTENCY_KEY_INVALID",
					"The Idempotency-Key header must have 1 to 255 characters, not all blank.");
		}
		IdempotencyKey key = new IdempotencyKey(client.id(), idempotencyKey);
		Placement placement = this.management.place(key, request.toOrderRequest(),
				(order) -> new StoredResponse(HttpStatus.ACCEPTED.value(), Responses.orderPath(order.id()),
						this.json.writeValueAsString(Placed.of(order))));
		return switch (placement) {
			case Placement.Accepted(StoredResponse response) -> ResponseEntity.status(response.status())
				.location(URI.create(response.location()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(response.body());
			case Placement.KeyReused() -> throw ApiProblem.conflict("IDEMPOTENCY_KEY_REUSED",
					"This Idempotency-Key was used for a different request; use a new key for a new order.");
		};
	}

	@GetMapping("/{orderId}")
	ResponseEntity<OrderResponse> order(@PathVariable String orderId, CurrentClient client) {
		OrderResponse order = OrderId.parse(orderId)
			.flatMap((id) -> this.queries.order(id, caller(client)))
			.map(OrderResponse::of)
			.orElseThrow(() -> notFound(orderId));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(order);
	}

	/**
	 * The caller's orders, newest first, or every client's for an operator, who may
	 * narrow them to one client's with {@code owner}; {@code nextCursor} fetches the page
	 * after this one.
	 */
	@GetMapping
	ResponseEntity<OrderPage> list(@RequestParam(required = false) String owner,
			@RequestParam(required = false) String customerId, @RequestParam(required = false) OrderStatus status,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor, CurrentClient client) {
		if (owner != null && !client.isAdmin() && !owner.equals(client.id())) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN",
					"Only operators (scope admin) list the orders of other clients.");
		}
		Position after = null;
		if (cursor != null) {
			after = Cursor.decode(cursor)
				.orElseThrow(() -> ApiProblem.badRequest("INVALID_CURSOR",
						"The cursor is not one this API returned; start again without a cursor."));
		}
		OrderListing listing = this.queries.list(caller(client), new Filter(owner, customerId, status), after, limit);
		OrderPage page = new OrderPage(listing.items().stream().map(OrderResponse::of).toList(),
				(listing.next() != null) ? Cursor.encode(listing.next()) : null);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(page);
	}

	/**
	 * The order's reader as the use cases know it: operators read every client's orders.
	 */
	static Caller caller(CurrentClient client) {
		return new Caller(client.id(), client.isAdmin());
	}

	/**
	 * A malformed id is answered like an unknown one: there is no such order either way.
	 * So is another client's order: 404 rather than 403, so that a client cannot tell an
	 * order id that exists from one that does not, and learns nothing about other
	 * clients' orders by trying ids.
	 */
	static ApiProblem notFound(String orderId) {
		return ApiProblem.notFound("ORDER_NOT_FOUND", "There is no order " + orderId + ".");
	}

}
