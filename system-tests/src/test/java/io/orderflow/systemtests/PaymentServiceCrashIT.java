package io.orderflow.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import io.orderflow.stack.ComponentStatus.State;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.Progress;
import io.orderflow.systemtests.Shop.Line;
import io.orderflow.systemtests.Shop.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Chaos: payment-service is SIGKILLed while orders stream in (some in the middle of a
 * provider call, some with commands not yet consumed) and restarted; every order still
 * finishes, no money or stock goes astray, and orders placed after the restart are paid.
 */
@ExtendWith(SystemStack.class)
class PaymentServiceCrashIT {

	@Test
	void killingPaymentServiceMidRunLosesAndDoublesNothing(LocalStack stack) throws Exception {
		Shop shop = new Shop(stack);
		String run = PlaceOrderIT.run();
		Map<String, Integer> stock = new LinkedHashMap<>();
		for (int i = 0; i < 4; i++) {
			stock.put(run + "-K" + i, 300);
		}
		stock.forEach((sku, units) -> shop.createProduct(sku, "system-tests", "20.00", units));
		List<String> skus = List.copyOf(stock.keySet());

		List<String> orderIds = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < 80; i++) {
				String token = (i % 8 == 5) ? "tok_chargeDeclined" : "tok_visa";
				orderIds.add(shop.place(UUID.randomUUID().toString(), "c-chaos-" + (i % 5), token,
						new Line(skus.get(i % 4), 1 + i % 2)));
				pause(Duration.ofMillis(100));
			}
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> orderIds.size() >= 20);

		assertThat(stack.kill("payment-service")).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stack.status("payment-service").state()).isEqualTo(State.DOWN));
		load.get();
		stack.restart("payment-service", Progress.SILENT);
		List<String> afterRestart = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			afterRestart.add(shop.place(UUID.randomUUID().toString(), "c-chaos-after", "tok_visa",
					new Line(skus.get(i % 4), 1)));
		}
		orderIds.addAll(afterRestart);

		Map<String, Order> orders = shop.awaitTerminal(orderIds, Duration.ofMinutes(3));

		System.out.println("[payment-crash] 100 orders: " + orders.values()
			.stream()
			.collect(Collectors.groupingBy((order) -> order.status() + " " + order.cancellationReason(),
					Collectors.counting())));
		assertThat(orders).hasSize(100);
		// Whatever waited through the crash may have timed out; what came after is
		// served.
		assertThat(afterRestart).allSatisfy((orderId) -> assertThat(orders.get(orderId).confirmed()).isTrue());
		Invariants.awaitAllHold(shop, stock, orders);
	}

	/** Paces the load generator (10 orders a second); never a wait for a condition. */
	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
