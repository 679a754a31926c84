package io.orderflow.systemtests;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.orderflow.systemtests.Shop.Charge;
import io.orderflow.systemtests.Shop.Order;
import io.orderflow.systemtests.Shop.Payment;
import io.orderflow.systemtests.Shop.Product;
import org.assertj.core.api.SoftAssertions;

import static org.awaitility.Awaitility.await;

/**
 * What must hold once every order of a run is finished, checked against each service's
 * own records and the provider's: stock is neither lost, held nor oversold, a confirmed
 * order is paid exactly once, and a cancelled order costs nothing.
 * <p>
 * Compensations finish after an order is reported cancelled (a late charge is refunded
 * afterwards) and commits after it is confirmed, so the invariants are awaited.
 */
final class Invariants {

	private Invariants() {
	}

	static void awaitAllHold(Shop shop, Map<String, Integer> initialStock, Map<String, Order> orders) {
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> check(shop, initialStock, orders));
	}

	private static void check(Shop shop, Map<String, Integer> initialStock, Map<String, Order> orders) {
		SoftAssertions softly = new SoftAssertions();
		initialStock.forEach((sku, initial) -> {
			Product product = shop.product(sku);
			int confirmed = orders.values()
				.stream()
				.filter(Order::confirmed)
				.mapToInt((order) -> order.quantities().getOrDefault(sku, 0))
				.sum();
			softly.assertThat(product.reserved()).as("%s reserved", sku).isZero();
			softly.assertThat(product.available() + product.sold()).as("%s available + sold", sku).isEqualTo(initial);
			softly.assertThat(product.sold()).as("%s sold = units of confirmed orders", sku).isEqualTo(confirmed);
		});
		orders.values().forEach((order) -> {
			List<Charge> charges = shop.charges(order.orderId());
			List<Payment> payments = shop.payments(order.orderId());
			BigDecimal net = charges.stream().map(Charge::net).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (order.confirmed()) {
				softly.assertThat(charges.stream().filter((charge) -> "succeeded".equals(charge.status())))
					.as("succeeded charges of confirmed order %s", order.orderId())
					.hasSize(1);
				softly.assertThat(net)
					.as("money taken for confirmed order %s", order.orderId())
					.isEqualByComparingTo(order.total());
				softly.assertThat(payments)
					.as("payments of confirmed order %s", order.orderId())
					.singleElement()
					.satisfies((payment) -> {
						softly.assertThat(payment.status()).isEqualTo("CHARGED");
						softly.assertThat(payment.amount()).isEqualByComparingTo(order.total());
					});
			}
			else {
				softly.assertThat(net)
					.as("money kept for cancelled order %s (%s)", order.orderId(), order.cancellationReason())
					.isEqualByComparingTo(BigDecimal.ZERO);
				softly.assertThat(payments)
					.as("payments of cancelled order %s", order.orderId())
					.noneMatch((payment) -> "CHARGED".equals(payment.status()));
			}
		});
		softly.assertAll();
	}

}
