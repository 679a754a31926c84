package io.orderflow.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * An order in search results: DESIGN's order shape ({@code createdAt} is when it was
 * placed) plus its owner and product names.
 */
record OrderHit(String orderId, String owner, String customerId, String status, String cancellationReason,
		List<Item> items, BigDecimal total, String currency, Instant createdAt, Instant updatedAt, long version) {

	static OrderHit of(OrderDocument document) {
		return new OrderHit(document.orderId(), document.owner(), document.customerId(), document.status(),
				document.reason(),
				document.items()
					.stream()
					.map((line) -> new Item(line.sku(), line.name(), line.quantity(), money(line.unitPrice())))
					.toList(),
				money(document.total()), document.currency(), document.placedAt(), document.updatedAt(),
				document.version());
	}

	/** Money is shown with two decimals. */
	static BigDecimal money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.HALF_UP) : null;
	}

	record Item(String sku, String name, int quantity, BigDecimal unitPrice) {
	}

}
