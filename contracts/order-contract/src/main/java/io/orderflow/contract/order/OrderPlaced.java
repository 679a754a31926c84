package io.orderflow.contract.order;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("OrderPlaced")
public record OrderPlaced(String orderId, String owner, String customerId, List<OrderLine> items, String status,
		Instant placedAt, long version) implements OrderEvent {
}
