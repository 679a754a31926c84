package io.orderflow.systemtests;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
 * The stack as its clients see it, through the gateway with tokens: the shop
 * ({@code demo-client}) places and reads its orders and reads products; the operator
 * ({@code ops-client}) stocks products and reads payments. The money is read straight
 * from the payment provider, a third party the gateway does not front.
 */
final class Shop {

	static final Set<String> TERMINAL = Set.of("CONFIRMED", "CANCELLED");

	private final LocalStack stack;

	private final String gateway;

	private final Tokens tokens;

	Shop(LocalStack stack) {
		this.stack = stack;
		this.gateway = stack.url("gateway");
		this.tokens = new Tokens(this.gateway);
	}

	/** The {@code Authorization} header for requests of the given client. */
	String[] as(Tokens.Client client) {
		return new String[] { "Authorization", this.tokens.bearer(client) };
	}

	void createProduct(String sku, String category, String price, int stock) {
		HttpResponse<String> created = Http.post(url("/api/v1/products"), """
				{"sku":"%s","name":"System Test %s","description":"Made by the system tests","category":"%s",\
				"price":%s,"currency":"USD","available":%d}""".formatted(sku, sku, category, price, stock),
				as(Tokens.OPS));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		HttpResponse<String> stocked = Http.put(url("/api/v1/products/" + sku + "/stock"),
				"{\"available\":" + stock + "}", as(Tokens.OPS));
		assertThat(stocked.statusCode()).as(stocked.body()).isEqualTo(200);
	}

	Product product(String sku) {
		HttpResponse<String> response = Http.get(url("/api/v1/products/" + sku), as(Tokens.DEMO));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		return new Product(sku, json.read("$.available", Integer.class), json.read("$.reserved", Integer.class),
				json.read("$.sold", Integer.class));
	}

	HttpResponse<String> post(String idempotencyKey, String body, String... headers) {
		List<String> all = new ArrayList<>(List.of(headers));
		all.addAll(List.of("Idempotency-Key", idempotencyKey));
		all.addAll(List.of(as(Tokens.DEMO)));
		return Http.post(url("/api/v1/orders"), body, all.toArray(String[]::new));
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
		HttpResponse<String> response = Http.get(url("/api/v1/orders/" + orderId), as(Tokens.DEMO));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return order(JsonPath.parse(response.body()).<Map<String, Object>>read("$"));
	}

	/**
	 * Waits until every order is confirmed or cancelled, and returns them. Reads the
	 * shop's order listing, newest first, a hundred a page, rather than each order on its
	 * own: the orders waited for are the newest, so one poll costs a request or two
	 * instead of one per order, as a client under the gateway's rate limit would do it.
	 */
	Map<String, Order> awaitTerminal(Collection<String> orderIds, Duration atMost) {
		Map<String, Order> terminal = new HashMap<>();
		await().atMost(atMost).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Set<String> unseen = new HashSet<>(orderIds);
			unseen.removeAll(terminal.keySet());
			String cursor = null;
			do {
				HttpResponse<String> response = Http.get(
						url("/api/v1/orders?limit=100" + ((cursor != null) ? "&cursor=" + cursor : "")),
						as(Tokens.DEMO));
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				DocumentContext page = JsonPath.parse(response.body());
				for (Map<String, Object> item : page.<List<Map<String, Object>>>read("$.items")) {
					Order order = order(item);
					if (unseen.remove(order.orderId()) && TERMINAL.contains(order.status())) {
						terminal.put(order.orderId(), order);
					}
				}
				cursor = page.read("$.nextCursor");
			}
			while (!unseen.isEmpty() && cursor != null);
			assertThat(orderIds).as("orders not yet confirmed or cancelled")
				.filteredOn((orderId) -> !terminal.containsKey(orderId))
				.isEmpty();
		});
		return terminal;
	}

	@SuppressWarnings("unchecked")
	private static Order order(Map<String, Object> json) {
		Map<String, Integer> quantities = new HashMap<>();
		((List<Map<String, Object>>) json.get("items")).forEach((item) -> quantities.merge((String) item.get("sku"),
				((Number) item.get("quantity")).intValue(), Integer::sum));
		return new Order((String) json.get("orderId"), (String) json.get("status"),
				(String) json.get("cancellationReason"), decimal(json.get("total")), quantities);
	}

	List<Payment> payments(String orderId) {
		HttpResponse<String> response = Http.get(url("/api/v1/payments?orderId=" + orderId), as(Tokens.OPS));
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

	String url(String path) {
		return this.gateway + path;
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
