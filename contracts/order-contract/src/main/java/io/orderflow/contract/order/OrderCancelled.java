package io.orderflow.contract.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code reason} is one of {@code OUT_OF_STOCK}, {@code UNKNOWN_PRODUCT},
 * {@code PAYMENT_DECLINED}, {@code TIMEOUT}; {@code total} is null when the order was
 * cancelled before it was priced.
 */
@JsonTypeName("OrderCancelled")
public record OrderCancelled(String orderId, String owner, String customerId, List<OrderLine> items, BigDecimal total,
		String currency, String status, String reason, String detail, Instant placedAt, Instant cancelledAt,
		long version) implements OrderEvent {
}
