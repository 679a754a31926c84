package io.orderflow.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import io.orderflow.stack.LocalStack;
import io.orderflow.systemtests.Shop.Line;
import io.orderflow.systemtests.Shop.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The place-order saga across the real services, broker, databases and payment provider
 * of the embedded stack. Each test makes its own products, so its stock figures are its
 * own.
 */
@ExtendWith(SystemStack.class)
class PlaceOrderIT {

	@Test
	void twoHundredMixedOrdersAllFinishEveryInvariantHoldsAndTheProjectionsAgree(LocalStack stack) throws Exception {
		Shop shop = new Shop(stack);
		String run = run();
		Map<String, Integer> stock = new LinkedHashMap<>();
		for (int i = 0; i < 6; i++) {
			stock.put(run + "-" + i, 400);
		}
		// Too little for everyone who asks: some orders must be cancelled OUT_OF_STOCK.
		stock.put(run + "-SCARCE", 5);
		stock.forEach((sku, units) -> shop.createProduct(sku, "system-tests", "12.50", units));
		List<String> skus = List.copyOf(stock.keySet());

		List<Request> requests = IntStream.range(0, 200).mapToObj((i) -> request(run, i, skus)).toList();
		List<String> orderIds = new ArrayList<>();
		for (Request request : requests.subList(0, 100)) {
			orderIds.add(request.placeAt(shop));
		}
		orderIds.addAll(concurrently(requests.subList(100, 200), 16, (request) -> request.placeAt(shop)));

		Map<String, Order> orders = shop.awaitTerminal(orderIds, Duration.ofMinutes(3));

		Map<String, Long> outcomes = orders.values()
			.stream()
			.collect(Collectors.groupingBy((order) -> order.status() + " " + order.cancellationReason(),
					Collectors.counting()));
		System.out.println("[place-order] 200 orders: " + outcomes);
		assertThat(outcomes.keySet()).contains("CONFIRMED null", "CANCELLED PAYMENT_DECLINED", "CANCELLED OUT_OF_STOCK",
				"CANCELLED UNKNOWN_PRODUCT");
		Invariants.awaitAllHold(shop, stock, orders);
		Projections.awaitAgree(shop, orders, requests.stream().map(Request::customerId).collect(Collectors.toSet()),
				Duration.ofSeconds(90));
	}

	@Test
	void fiftyConcurrentOrdersForTenUnitsConfirmExactlyTen(LocalStack stack) throws Exception {
		Shop shop = new Shop(stack);
		String sku = run() + "-LAST";
		shop.createProduct(sku, "system-tests", "99.00", 10);

		List<String> orderIds = concurrently(IntStream.range(0, 50).boxed().toList(), 50,
				(i) -> shop.place(UUID.randomUUID().toString(), "c-rush-" + i, "tok_visa", new Line(sku, 1)));
		Map<String, Order> orders = shop.awaitTerminal(orderIds, Duration.ofMinutes(2));

		assertThat(orders.values().stream().filter(Order::confirmed)).hasSize(10);
		assertThat(orders.values().stream().filter((order) -> !order.confirmed()))
			.allSatisfy((order) -> assertThat(order.cancellationReason()).isEqualTo("OUT_OF_STOCK"));
		Invariants.awaitAllHold(shop, Map.of(sku, 10), orders);
		assertThat(shop.product(sku).available()).isZero();
	}

	@Test
	void twentyConcurrentRequestsWithOneIdempotencyKeyCreateOneOrder(LocalStack stack) throws Exception {
		Shop shop = new Shop(stack);
		String sku = run() + "-ONCE";
		shop.createProduct(sku, "system-tests", "5.00", 100);
		String key = UUID.randomUUID().toString();
		String body = Shop.body("c-once", "tok_visa", new Line(sku, 2));

		List<String> answers = concurrently(IntStream.range(0, 20).boxed().toList(), 20, (i) -> {
			var response = shop.post(key, body);
			return response.statusCode() + " " + response.headers().firstValue("Location").orElse("") + " "
					+ JsonPath.read(response.body(), "$.orderId");
		});

		assertThat(Set.copyOf(answers)).singleElement().asString().startsWith("202 /api/v1/orders/");
		String orderId = answers.get(0).substring(answers.get(0).lastIndexOf(' ') + 1);
		Map<String, Order> orders = shop.awaitTerminal(List.of(orderId), Duration.ofMinutes(1));
		assertThat(orders.get(orderId).status()).isEqualTo("CONFIRMED");
		Invariants.awaitAllHold(shop, Map.of(sku, 100), orders);
		assertThat(shop.product(sku).sold()).isEqualTo(2);
		assertThat(shop.post(key, Shop.body("c-once", "tok_visa", new Line(sku, 3))).statusCode()).isEqualTo(409);
	}

	@Test
	void oneOrdersTraceHoldsSpansOfTheGatewayAndOrderInventoryAndPaymentService(LocalStack stack) {
		Shop shop = new Shop(stack);
		String sku = run() + "-TRACE";
		shop.createProduct(sku, "system-tests", "7.25", 10);
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

		var response = shop.post(UUID.randomUUID().toString(), Shop.body("c-trace", "tok_visa", new Line(sku, 1)),
				"traceparent", traceparent);
		assertThat(response.statusCode()).isEqualTo(202);
		String orderId = JsonPath.read(response.body(), "$.orderId");
		assertThat(shop.awaitTerminal(List.of(orderId), Duration.ofMinutes(1)).get(orderId).status())
			.isEqualTo("CONFIRMED");

		String zipkin = "http://127.0.0.1:" + stack.port("zipkin");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String trace = Http.get(zipkin + "/api/v2/trace/" + traceId).body();
			List<String> services = JsonPath.read(trace, "$[*].localEndpoint.serviceName");
			assertThat(services).contains("gateway", "order-service", "inventory-service", "payment-service");
		});
	}

	/**
	 * Mostly approved cards; every tenth declined, every tenth failing at the provider,
	 * some asking for the scarce product, some for a product that does not exist, and a
	 * few slow cards that answer only after payment-service's timeout.
	 */
	private static Request request(String run, int i, List<String> skus) {
		String token = switch (i % 10) {
			case 3 -> "tok_chargeDeclined";
			case 7 -> "tok_error";
			case 9 -> (i % 40 == 9) ? "tok_slow" : "tok_visa";
			default -> "tok_visa";
		};
		List<Line> lines = new ArrayList<>();
		lines.add(new Line(skus.get(i % 6), 1 + i % 3));
		if (i % 5 == 1) {
			lines.add(new Line(skus.get((i + 1) % 6), 2));
		}
		if (i % 10 == 4) {
			lines.add(new Line(run + "-SCARCE", 2));
		}
		if (i % 25 == 8) {
			lines.add(new Line(run + "-NOPE", 1));
		}
		return new Request(UUID.randomUUID().toString(), "c-" + (i % 17), token, lines);
	}

	static String run() {
		return "SYS-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
	}

	static <T, R> List<R> concurrently(List<T> inputs, int threads, ThrowingFunction<T, R> action) throws Exception {
		try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
			List<Future<R>> futures = new ArrayList<>();
			for (T input : inputs) {
				futures.add(executor.submit(() -> action.apply(input)));
			}
			List<R> results = new ArrayList<>();
			for (Future<R> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return bytes;
	}

	interface ThrowingFunction<T, R> {

		R apply(T input) throws Exception;

	}

	record Request(String idempotencyKey, String customerId, String token, List<Line> lines) {

		String placeAt(Shop shop) {
			return shop.place(this.idempotencyKey, this.customerId, this.token, this.lines.toArray(Line[]::new));
		}

	}

}
