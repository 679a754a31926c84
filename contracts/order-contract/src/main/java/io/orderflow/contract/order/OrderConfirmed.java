package io.orderflow.contract.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("OrderConfirmed")
public record OrderConfirmed(String orderId, String owner, String customerId, List<OrderLine> items, BigDecimal total,
		String currency, String status, Instant placedAt, Instant confirmedAt, long version) implements OrderEvent {
}
