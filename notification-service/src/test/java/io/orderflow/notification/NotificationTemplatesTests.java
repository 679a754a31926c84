package io.orderflow.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderLine;
import io.orderflow.contract.order.OrderPlaced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTemplatesTests {

	private static final String ORDER = "0f8fad5b-d9cb-469f-a165-70867728950e";

	private static final Instant PLACED = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void tellsTheCustomerAConfirmedOrdersTotal() {
		assertThat(NotificationTemplates.render(confirmed(new BigDecimal("44.99"), "EUR")))
			.hasValue("Your order " + ORDER + " is confirmed: total 44.99 EUR");
	}

	@ParameterizedTest
	@CsvSource({ "12.5, 12.50", "10, 10.00", "0.125, 0.12", "0.135, 0.14", "1234567.891, 1234567.89", "1E+3, 1000.00" })
	void showsMoneyWithTwoDecimalsRoundedHalfEven(String total, String shown) {
		assertThat(NotificationTemplates.render(confirmed(new BigDecimal(total), "USD")))
			.hasValue("Your order " + ORDER + " is confirmed: total " + shown + " USD");
	}

	@Test
	void saysSoWhenAConfirmedOrderHasNoTotal() {
		assertThat(NotificationTemplates.render(confirmed(null, "EUR")))
			.hasValue("Your order " + ORDER + " is confirmed: total unknown EUR");
	}

	@ParameterizedTest
	@CsvSource({ "OUT_OF_STOCK, an item is out of stock", "UNKNOWN_PRODUCT, an item is not in the catalogue",
			"PAYMENT_DECLINED, the payment was declined", "TIMEOUT, it could not be completed in time",
			"CUSTOMER_CHANGED_MIND, customer changed mind" })
	void explainsWhyAnOrderWasCancelled(String reason, String explanation) {
		assertThat(NotificationTemplates.render(cancelled(reason)))
			.hasValue("Your order " + ORDER + " is cancelled: " + explanation);
	}

	@Test
	void saysSoWhenACancellationHasNoReason() {
		assertThat(NotificationTemplates.render(cancelled(null)))
			.hasValue("Your order " + ORDER + " is cancelled: no reason given");
	}

	@Test
	void tellsNothingAboutAPlacedOrder() {
		assertThat(NotificationTemplates
			.render(new OrderPlaced(ORDER, "demo-client", "c-1", lines(), "PENDING", PLACED, 1))).isEmpty();
	}

	private static OrderConfirmed confirmed(BigDecimal total, String currency) {
		return new OrderConfirmed(ORDER, "demo-client", "c-1", lines(), total, currency, "CONFIRMED", PLACED,
				PLACED.plusSeconds(2), 3);
	}

	private static OrderCancelled cancelled(String reason) {
		return new OrderCancelled(ORDER, "demo-client", "c-1", lines(), new BigDecimal("25.00"), "EUR", "CANCELLED",
				reason, "detail for operators", PLACED, PLACED.plusSeconds(2), 3);
	}

	private static List<OrderLine> lines() {
		return List.of(new OrderLine("SKU-1", "Espresso cup", 2, new BigDecimal("12.50")));
	}

}
