package io.orderflow.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderflow.order.application.OrderView;
import io.orderflow.order.application.SagaView;
import io.orderflow.order.domain.Order;
import io.orderflow.order.saga.SagaInstance;

/** The JSON bodies of the orders API. */
final class Responses {

	private Responses() {
	}

	static String orderPath(Object orderId) {
		return "/api/v1/orders/" + orderId;
	}

	static Map<String, Link> links(Object orderId) {
		return Map.of("self", new Link(orderPath(orderId)), "saga", new Link(orderPath(orderId) + "/saga"));
	}

	record Link(String href) {
	}

	/** The answer to a placement, stored with its idempotency key. */
	record Placed(String orderId, String status, @JsonProperty("_links") Map<String, Link> links) {

		static Placed of(Order order) {
			return new Placed(order.id().toString(), order.status().name(), Responses.links(order.id()));
		}

	}

	/**
	 * @param owner the API client that placed the order
	 */
	record OrderResponse(String orderId, String owner, String customerId, String status, String cancellationReason,
			String cancellationDetail, String sagaState, List<Item> items, BigDecimal total, String currency,
			Instant createdAt, Instant updatedAt, long version) {

		static OrderResponse of(OrderView view) {
			Order order = view.order();
			return new OrderResponse(order.id().toString(), order.owner(), order.customerId(), order.status().name(),
					order.cancellationReason(), order.cancellationDetail(), view.sagaState().name(),
					order.lines()
						.stream()
						.map((line) -> new Item(line.sku(), line.name(), line.quantity(), line.unitPrice()))
						.toList(),
					order.total(), order.currency(), order.createdAt(), order.updatedAt(), order.version());
		}

		/**
		 * {@code name} and {@code unitPrice} are null until inventory priced the order.
		 */
		record Item(String sku, String name, int quantity, BigDecimal unitPrice) {
		}

	}

	/**
	 * @param nextCursor the cursor of the next page, or null on the last
	 */
	record OrderPage(List<OrderResponse> items, String nextCursor) {
	}

	/**
	 * @param deadline when the current wait ends, or null in the final and parked states
	 * @param traceId the trace of the placing request, for the tracing UI
	 */
	record SagaResponse(String orderId, String state, List<String> pendingCompensations, int compensationAttempts,
			Instant deadline, String traceId, List<Step> steps) {

		static SagaResponse of(SagaView view) {
			SagaInstance saga = view.saga();
			return new SagaResponse(saga.orderId().toString(), saga.state().name(),
					saga.pendingCompensations().stream().map(Enum::name).sorted().toList(), saga.compensationAttempts(),
					saga.deadlineAt(), saga.traceId(),
					view.steps()
						.stream()
						.map((step) -> new Step(step.step().name().name(), step.step().outcome().name(),
								step.messageType(), step.messageId(), step.step().detail(), step.at()))
						.toList());
		}

		record Step(String step, String outcome, String messageType, UUID messageId, String detail, Instant at) {
		}

	}

}
