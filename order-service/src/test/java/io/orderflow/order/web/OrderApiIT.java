package io.orderflow.order.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import io.orderflow.order.application.Caller;
import io.orderflow.order.application.OrderQueries;
import io.orderflow.order.domain.OrderRepository.Filter;
import io.orderflow.order.support.Api;
import io.orderflow.order.support.OrderServiceIT;
import io.orderflow.order.support.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.order.support.Api.orderBody;
import static io.orderflow.order.support.Flows.awaitOrder;
import static io.orderflow.order.support.Flows.key;
import static io.orderflow.order.support.Flows.sku;
import static org.assertj.core.api.Assertions.assertThat;

/** The orders API over HTTP, as clients call it. */
@OrderServiceIT
class OrderApiIT {

	@LocalServerPort
	private int port;

	@Autowired
	private OrderQueries queries;

	private Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@Test
	void acceptsAnOrderAndShowsWhereItsFateWillBe() {
		HttpResponse<String> placed = this.api.place(key(), orderBody("c-accept", "tok_visa", sku("CUP"), 2));

		assertThat(placed.statusCode()).isEqualTo(202);
		String orderId = JsonPath.read(placed.body(), "$.orderId");
		assertThat(placed.headers().firstValue("Location")).contains("/api/v1/orders/" + orderId);
		assertThat(JsonPath.<String>read(placed.body(), "$.status")).isEqualTo("PENDING");
		assertThat(JsonPath.<String>read(placed.body(), "$._links.saga.href"))
			.isEqualTo("/api/v1/orders/" + orderId + "/saga");
		awaitOrder(this.api, orderId, "CONFIRMED");
	}

	@Test
	void answersARetryWithTheStoredResponseAndPlacesNothingMore() {
		String key = key();
		String customer = "c-retry-" + UUID.randomUUID();
		String sku = sku("CUP");
		HttpResponse<String> first = this.api.place(key, orderBody(customer, "tok_visa", sku, 2));
		String orderId = JsonPath.read(first.body(), "$.orderId");
		awaitOrder(this.api, orderId, "CONFIRMED");

		HttpResponse<String> retry = this.api.place(key, orderBody(customer, "tok_visa", sku, 2));
		HttpResponse<String> reformatted = this.api.place(key, """
				{ "payment" : { "token" : "tok_visa" }, "unknownMember": true,
				  "items" : [ { "quantity" : 2, "sku" : "%s" } ], "customerId" : "%s" }""".formatted(sku, customer));

		for (HttpResponse<String> again : List.of(retry, reformatted)) {
			assertThat(again.statusCode()).isEqualTo(202);
			assertThat(again.body()).as("the stored body, though the order is confirmed by now")
				.isEqualTo(first.body());
			assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		}
		assertThat(ordersOf(customer)).containsExactly(orderId);
	}

	@Test
	void refusesTheSameKeyForADifferentRequest() {
		String key = key();
		String orderId = this.api.placeOrder(key, orderBody("c-reuse", "tok_visa", sku("CUP"), 2));

		HttpResponse<String> reused = this.api.place(key, orderBody("c-reuse", "tok_visa", sku("CUP"), 3));

		assertThat(reused.statusCode()).isEqualTo(409);
		assertThat(reused.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(JsonPath.<String>read(reused.body(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		awaitOrder(this.api, orderId, "CONFIRMED");
	}

	@Test
	void placesOneOrderForTwentyConcurrentDuplicates() throws Exception {
		String key = key();
		String customer = "c-rush-" + UUID.randomUUID();
		String body = orderBody(customer, "tok_visa", sku("CUP"), 1);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<HttpResponse<String>>> duplicates = Collections.nCopies(20, () -> {
			start.await();
			return this.api.place(key, body);
		});

		List<HttpResponse<String>> responses = new ArrayList<>();
		try (ExecutorService executor = Executors.newFixedThreadPool(20)) {
			List<Future<HttpResponse<String>>> futures = duplicates.stream().map(executor::submit).toList();
			start.countDown();
			for (Future<HttpResponse<String>> future : futures) {
				responses.add(future.get());
			}
		}

		Set<String> answers = responses.stream()
			.map((response) -> response.statusCode() + " " + response.headers().firstValue("Location").orElse("") + " "
					+ response.body())
			.collect(Collectors.toSet());
		assertThat(answers).singleElement().asString().startsWith("202 /api/v1/orders/");
		String orderId = JsonPath.read(responses.getFirst().body(), "$.orderId");
		assertThat(ordersOf(customer)).containsExactly(orderId);
		awaitOrder(this.api, orderId, "CONFIRMED");
	}

	@Test
	void requiresAnIdempotencyKey() {
		HttpResponse<String> missing = this.api.place(null, orderBody("c-1", "tok_visa", "SKU-1", 1));
		HttpResponse<String> blank = this.api.place("  ", orderBody("c-1", "tok_visa", "SKU-1", 1));
		HttpResponse<String> tooLong = this.api.place("k".repeat(256), orderBody("c-1", "tok_visa", "SKU-1", 1));

		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(missing.body(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_MISSING");
		assertThat(List.of(blank, tooLong)).allSatisfy((invalid) -> {
			assertThat(invalid.statusCode()).isEqualTo(400);
			assertThat(JsonPath.<String>read(invalid.body(), "$.code")).isEqualTo("IDEMPOTENCY_KEY_INVALID");
		});
	}

	@Test
	void namesEveryInvalidField() {
		HttpResponse<String> invalid = this.api.place(key(), """
				{"customerId":"%s","items":[{"sku":"SKU-1","quantity":0},{"sku":"","quantity":1},
				{"sku":"SKU-1","quantity":1001},{"sku":"SKU-2"}],"payment":{"token":"visa"}}"""
			.formatted("c".repeat(65)));

		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(invalid.body(), "$.code")).isEqualTo("VALIDATION_FAILED");
		assertThat(JsonPath.<List<String>>read(invalid.body(), "$.errors[*].field")).containsExactlyInAnyOrder(
				"customerId", "items[0].quantity", "items[1].sku", "items[2].quantity", "items[2].sku",
				"items[3].quantity", "payment.token");
	}

	@Test
	void refusesOrdersWithoutItemsOrWithTooMany() {
		String none = "{\"customerId\":\"c-1\",\"items\":[],\"payment\":{\"token\":\"tok_visa\"}}";
		Object[] hundredAndOne = IntStream.range(0, 101).boxed().flatMap((i) -> Stream.of("SKU-" + i, 1)).toArray();
		String missing = "{\"customerId\":\"c-1\"}";

		assertThat(List.of(none, orderBody("c-1", "tok_visa", hundredAndOne))).allSatisfy((body) -> {
			HttpResponse<String> response = this.api.place(key(), body);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsExactly("items");
		});
		HttpResponse<String> response = this.api.place(key(), missing);
		assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsExactlyInAnyOrder("items",
				"payment");
	}

	@Test
	void refusesMalformedJsonAndOversizedBodies() {
		HttpResponse<String> malformed = this.api.place(key(), "{\"customerId\":\"c-1\",\"items\":[");
		HttpResponse<String> oversized = this.api.place(key(), orderBody("c-1", "tok_visa", "SKU-1", 1).replace("}}",
				"},\"padding\":\"" + "x".repeat(70_000) + "\"}"));

		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(malformed.body(), "$.code")).isEqualTo("MALFORMED_JSON");
		assertThat(oversized.statusCode()).isEqualTo(413);
		assertThat(JsonPath.<String>read(oversized.body(), "$.code")).isEqualTo("PAYLOAD_TOO_LARGE");
	}

	@Test
	void answersNotFoundForUnknownAndMalformedOrderIds() {
		for (String path : List.of("/api/v1/orders/" + UUID.randomUUID(), "/api/v1/orders/not-an-id",
				"/api/v1/orders/" + UUID.randomUUID() + "/saga", "/api/v1/orders/not-an-id/saga")) {
			HttpResponse<String> response = this.api.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(JsonPath.<String>read(response.body(), "$.code")).as(path).isEqualTo("ORDER_NOT_FOUND");
		}
		assertThat(this.api.asOperator().post("/api/v1/orders/" + UUID.randomUUID() + "/saga/resume").statusCode())
			.isEqualTo(404);
	}

	@Test
	void readsAnOrderAndItsSagaWithoutCaching() {
		String orderId = this.api.placeOrder(key(), orderBody("c-read", "tok_visa", sku("CUP"), 1));
		awaitOrder(this.api, orderId, "CONFIRMED");

		HttpResponse<String> order = this.api.get("/api/v1/orders/" + orderId);
		HttpResponse<String> saga = this.api.get("/api/v1/orders/" + orderId + "/saga");

		assertThat(order.headers().firstValue("Cache-Control")).contains("no-store");
		assertThat(order.body()).as("money with two decimals").contains("\"total\":10.00", "\"unitPrice\":10.00");
		Map<String, Object> json = JsonPath.read(order.body(), "$");
		assertThat(json).containsKeys("orderId", "customerId", "status", "cancellationReason", "cancellationDetail",
				"sagaState", "items", "total", "currency", "createdAt", "updatedAt", "version");
		assertThat(JsonPath.<Map<String, Object>>read(order.body(), "$.items[0]")).containsOnlyKeys("sku", "name",
				"quantity", "unitPrice");
		assertThat(saga.headers().firstValue("Cache-Control")).contains("no-store");
		assertThat(JsonPath.<Map<String, Object>>read(saga.body(), "$")).containsOnlyKeys("orderId", "state",
				"pendingCompensations", "compensationAttempts", "deadline", "traceId", "steps");
		assertThat(JsonPath.<Map<String, Object>>read(saga.body(), "$.steps[1]")).containsOnlyKeys("step", "outcome",
				"messageType", "messageId", "detail", "at");
		assertThat(JsonPath.<String>read(saga.body(), "$.steps[1].messageType")).isEqualTo("StockReserved");
	}

	@Test
	void resumesOnlyAParkedSaga() {
		String orderId = this.api.placeOrder(key(), orderBody("c-resume", "tok_visa", sku("CUP"), 1));
		awaitOrder(this.api, orderId, "CONFIRMED");

		HttpResponse<String> resumed = this.api.asOperator().post("/api/v1/orders/" + orderId + "/saga/resume");

		assertThat(resumed.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(resumed.body(), "$.code")).isEqualTo("SAGA_NOT_PARKED");
		assertThat(JsonPath.<String>read(resumed.body(), "$.state")).isEqualTo("CONFIRMED");
	}

	@Test
	void listsOrdersNewestFirstPageByPageWithFilters() {
		String customer = "c-pages-" + UUID.randomUUID();
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			placed.add(this.api.placeOrder(key(), orderBody(customer, "tok_visa", sku("CUP"), 1)));
		}
		String cancelled = this.api.placeOrder(key(), orderBody(customer, "tok_visa", sku("OOS"), 1));
		placed.forEach((orderId) -> awaitOrder(this.api, orderId, "CONFIRMED"));
		awaitOrder(this.api, cancelled, "CANCELLED");

		List<String> pages = new ArrayList<>();
		List<String> listed = new ArrayList<>();
		String cursor = null;
		do {
			String page = this.api
				.get("/api/v1/orders?customerId=" + customer + "&status=CONFIRMED&limit=2"
						+ ((cursor != null) ? "&cursor=" + cursor : ""))
				.body();
			pages.add(page);
			listed.addAll(JsonPath.read(page, "$.items[*].orderId"));
			cursor = JsonPath.read(page, "$.nextCursor");
		}
		while (cursor != null);

		assertThat(pages).hasSize(3);
		assertThat(listed).containsExactlyElementsOf(placed.reversed());
		String cancelledPage = this.api.get("/api/v1/orders?customerId=" + customer + "&status=CANCELLED").body();
		assertThat(JsonPath.<List<String>>read(cancelledPage, "$.items[*].orderId")).containsExactly(cancelled);
		assertThat(JsonPath.<Object>read(cancelledPage, "$.nextCursor")).isNull();
		assertThat(ordersOf(customer)).hasSize(6);
	}

	@Test
	void listsAPageInThreeQueriesHoweverManyOrdersItHolds() {
		String customer = "c-queries-" + UUID.randomUUID();
		List<String> placed = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			placed.add(this.api.placeOrder(key(), orderBody(customer, "tok_visa", sku("CUP"), 1, sku("MUG"), 2)));
		}
		placed.forEach((orderId) -> awaitOrder(this.api, orderId, "CONFIRMED"));

		int statements = StatementCounter.count(() -> assertThat(
				this.queries.list(new Caller(Api.CLIENT, false), new Filter(null, customer, null), null, 100).items())
			.hasSize(6)
			.allSatisfy((view) -> assertThat(view.order().lines()).hasSize(2)));

		assertThat(statements).as("orders, their lines, their sagas' states").isEqualTo(3);
	}

	@Test
	void refusesBadListingParameters() {
		assertThat(List.of("limit=0", "limit=101")).allSatisfy((query) -> {
			HttpResponse<String> response = this.api.get("/api/v1/orders?" + query);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("VALIDATION_FAILED");
			assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field")).containsExactly("limit");
		});
		assertThat(List.of("cursor=bm90LWEtY3Vyc29y", "cursor=%25%25%25")).allSatisfy((query) -> {
			HttpResponse<String> response = this.api.get("/api/v1/orders?" + query);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("INVALID_CURSOR");
		});
		HttpResponse<String> status = this.api.get("/api/v1/orders?status=SHIPPED");
		assertThat(status.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(status.body(), "$.code")).isEqualTo("INVALID_PARAMETER");
	}

	@Test
	void reportsItselfUpToAnyoneWithoutAToken() {
		HttpResponse<String> health = this.api.withAuthorization(null).get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(health.body(), "$.status")).isEqualTo("UP");
	}

	private List<String> ordersOf(String customer) {
		return JsonPath.read(this.api.get("/api/v1/orders?customerId=" + customer + "&limit=100").body(),
				"$.items[*].orderId");
	}

}
