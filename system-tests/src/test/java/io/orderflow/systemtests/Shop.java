package io.orderflow.systemtests;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.orderflow.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stack as a client sees it: products at inventory-service, orders at order-service,
 * payments at payment-service, and the money at the payment provider.
 */
final class Shop {

	static final Set<String> TERMINAL = Set.of("CONFIRMED", "CANCELLED");

	private final LocalStack stack;

	Shop(LocalStack stack) {
		this.stack = stack;
	}

	void createProduct(String sku, String category, String price, int stock) {
		HttpResponse<String> created = Http.post(url("inventory-service", "/api/v1/products"), """
				{"sku":"%s","name":"System Test %s","description":"Made by the system tests","category":"%s",\
				"price":%s,"currency":"USD","available":%d}""".formatted(sku, sku, category, price, stock));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		HttpResponse<String> stocked = Http.put(url("inventory-service", "/api/v1/products/" + sku + "/stock"),
				"{\"available\":" + stock + "}");
		assertThat(stocked.statusCode()).as(stocked.body()).isEqualTo(200);
	}

	Product product(String sku) {
		HttpResponse<String> response = Http.get(url("inventory-service", "/api/v1/products/" + sku));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		return new Product(sku, json.read("$.available", Integer.class), json.read("$.reserved", Integer.class),
				json.read("$.sold", Integer.class));
	}

	HttpResponse<String> post(String idempotencyKey, String body, String... headers) {
		List<String> all = new ArrayList<>(List.of(headers));
		all.addAll(List.of("Idempotency-Key", idempotencyKey));
		return Http.post(url("order-service", "/api/v1/orders"), body, all.toArray(String[]::new));
	}

	/**
	 * Places an order and returns its id; the order is accepted, whatever becomes of it.
	 */
	String place(String idempotencyKey, String customerId, String token, Line... lines) {
		HttpResponse<String> response = post(idempotencyKey, body(customerId, token, lines));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JsonPath.read(response.body(), "$.orderId");
	}

	static String body(String customerId, String token, Line... lines) {
		String items = List.of(lines)
			.stream()
			.map((line) -> "{\"sku\":\"%s\",\"quantity\":%d}".formatted(line.sku(), line.quantity()))
			.collect(Collectors.joining(","));
		return """
				{"customerId":"%s","items":[%s],"payment":{"token":"%s"}}""".formatted(customerId, items, token);
	}

	Order order(String orderId) {
		HttpResponse<String> response = Http.get(url("order-service", "/api/v1/orders/" + orderId));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		List<Map<String, Object>> items = json.read("$.items");
		Map<String, Integer> quantities = new HashMap<>();
		items.forEach((item) -> quantities.merge((String) item.get("sku"), ((Number) item.get("quantity")).intValue(),
				Integer::sum));
		return new Order(orderId, json.read("$.status"), json.read("$.cancellationReason"),
				decimal(json.read("$.total")), quantities);
	}

	/** Waits until every order is confirmed or cancelled, and returns them. */
	Map<String, Order> awaitTerminal(Collection<String> orderIds, Duration atMost) {
		Map<String, Order> terminal = new HashMap<>();
		await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String orderId : orderIds) {
				if (!terminal.containsKey(orderId)) {
					Order order = order(orderId);
					if (TERMINAL.contains(order.status())) {
						terminal.put(orderId, order);
					}
				}
			}
			assertThat(orderIds).as("orders not yet confirmed or cancelled")
				.filteredOn((orderId) -> !terminal.containsKey(orderId))
				.isEmpty();
		});
		return terminal;
	}

	List<Payment> payments(String orderId) {
		HttpResponse<String> response = Http.get(url("payment-service", "/api/v1/payments?orderId=" + orderId));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Map<String, Object>> items = JsonPath.read(response.body(), "$.items");
		return items.stream()
			.map((item) -> new Payment((String) item.get("status"), decimal(item.get("amount"))))
			.toList();
	}

	/**
	 * The charges the provider holds for an order: the money, whatever orderflow says.
	 */
	List<Charge> charges(String orderId) {
		HttpResponse<String> response = Http
			.get("http://127.0.0.1:" + this.stack.port("payment-provider") + "/v1/charges?orderId=" + orderId);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Map<String, Object>> data = JsonPath.read(response.body(), "$.data");
		return data.stream()
			.map((charge) -> new Charge((String) charge.get("status"), decimal(charge.get("amount")),
					decimal(charge.get("amountRefunded"))))
			.toList();
	}

	private String url(String service, String path) {
		return this.stack.url(service) + path;
	}

	private static BigDecimal decimal(Object value) {
		return (value != null) ? new BigDecimal(value.toString()) : null;
	}

	record Line(String sku, int quantity) {
	}

	record Product(String sku, int available, int reserved, int sold) {
	}

	record Order(String orderId, String status, String cancellationReason, BigDecimal total,
			Map<String, Integer> quantities) {

		boolean confirmed() {
			return "CONFIRMED".equals(this.status);
		}

	}

	record Payment(String status, BigDecimal amount) {
	}

	record Charge(String status, BigDecimal amount, BigDecimal amountRefunded) {

		/** What the customer is out of pocket for this charge. */
		BigDecimal net() {
			return "succeeded".equals(this.status) ? this.amount.subtract(this.amountRefunded) : BigDecimal.ZERO;
		}

	}

}
