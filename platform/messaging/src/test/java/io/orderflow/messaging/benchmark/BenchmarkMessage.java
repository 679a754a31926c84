package io.orderflow.messaging.benchmark;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * About the size of the saga's messages: an order with three lines (~300 bytes of JSON).
 */
@JsonTypeName("BenchmarkOrderPlaced")
record BenchmarkMessage(String orderId, String customerId, List<Line> items, BigDecimal total, String currency,
		Instant placedAt) {

	static BenchmarkMessage of(String orderId, int sequence) {
		return new BenchmarkMessage(orderId, "customer-" + (sequence % 97),
				List.of(new Line("SKU-" + (sequence % 13), 2, new BigDecimal("19.99")),
						new Line("SKU-" + (sequence % 17), 1, new BigDecimal("5.49")),
						new Line("SKU-" + (sequence % 19), 3, new BigDecimal("12.00"))),
				new BigDecimal("81.47"), "EUR", Instant.now());
	}

	record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

}
