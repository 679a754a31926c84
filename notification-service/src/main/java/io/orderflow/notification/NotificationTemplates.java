package io.orderflow.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.order.OrderPlaced;

/**
 * The text of a notification per event type; empty for the events customers are not told
 * about.
 */
final class NotificationTemplates {

	private NotificationTemplates() {
	}

	static Optional<String> render(OrderEvent event) {
		return switch (event) {
			case OrderConfirmed confirmed -> Optional.of("Your order %s is confirmed: total %s %s"
				.formatted(confirmed.orderId(), money(confirmed.total()), confirmed.currency()));
			case OrderCancelled cancelled -> Optional
				.of("Your order %s is cancelled: %s".formatted(cancelled.orderId(), reason(cancelled.reason())));
			// Only the outcome is news to the customer; the order was just placed by
			// them.
			case OrderPlaced placed -> Optional.empty();
		};
	}

	private static String money(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() : "unknown";
	}

	private static String reason(String reason) {
		if (reason == null) {
			return "no reason given";
		}
		return switch (reason) {
			case "OUT_OF_STOCK" -> "an item is out of stock";
			case "UNKNOWN_PRODUCT" -> "an item is not in the catalogue";
			case "PAYMENT_DECLINED" -> "the payment was declined";
			case "TIMEOUT" -> "it could not be completed in time";
			default -> reason.toLowerCase().replace('_', ' ');
		};
	}

}
