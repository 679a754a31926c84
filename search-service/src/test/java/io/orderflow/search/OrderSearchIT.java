package io.orderflow.search;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.search.OrderProjectionIT.OPERATOR;
import static io.orderflow.search.OrderProjectionIT.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Searching orders: full text with typos, filters, facets that add up, sort and paging,
 * each client seeing its own orders only, and parameters checked before any search.
 */
@SearchIT
class OrderSearchIT {

	@LocalServerPort
	int port;

	private SearchApi api;

	private final String client = "client-" + UUID.randomUUID();

	private final String token = TestTokens.bearer(this.client, "search");

	@BeforeEach
	void api() {
		this.api = new SearchApi(this.port);
	}

	@Test
	void findsAnOrderByAProductNameWithATypo() {
		Orders espresso = Orders.anOrder(this.client, "c-typo").of("SKU-1", "Espresso cup", 2, "12.50");
		Orders jug = Orders.anOrder(this.client, "c-typo").of("SKU-7", "Milk jug", 1, "19.99");
		publish(espresso.confirmed(3), jug.confirmed(3));
		awaitTotal("/api/v1/search/orders", 2);

		JsonNode found = this.api.json("/api/v1/search/orders?q=espreso", this.token);

		assertThat(ids(found)).containsExactly(espresso.id());
		JsonNode hit = found.get("items").get(0);
		assertThat(hit.get("customerId").asString()).isEqualTo("c-typo");
		assertThat(hit.get("items").get(0).get("name").asString()).isEqualTo("Espresso cup");
		assertThat(ids(this.api.json("/api/v1/search/orders?q=sku-7", this.token))).containsExactly(jug.id());
	}

	@Test
	void findsOrdersByCustomerAndStatusWithFacetsThatAddUpToTheTotal() {
		Instant early = Instant.parse("2026-01-10T10:00:00Z");
		Orders first = Orders.anOrder(this.client, "c-anna").of("SKU-1", "Espresso cup", 1, "12.50").placedAt(early);
		Orders second = Orders.anOrder(this.client, "c-anna")
			.of("SKU-7", "Milk jug", 2, "19.99")
			.placedAt(early.plusSeconds(3600));
		Orders cancelled = Orders.anOrder(this.client, "c-anna")
			.of("SKU-3", "Tea pot", 1, "30.00")
			.placedAt(early.plusSeconds(7200));
		Orders pending = Orders.anOrder(this.client, "c-ben").of("SKU-1", "Espresso cup", 4, "12.50");
		Orders confirmed = Orders.anOrder(this.client, "c-ben").of("SKU-9", "Grinder", 1, "89.00");
		publish(first.confirmed(3), second.confirmed(3), cancelled.cancelled(4), pending.placed(0),
				confirmed.confirmed(3));
		awaitTotal("/api/v1/search/orders", 5);

		JsonNode anna = this.api.json("/api/v1/search/orders?customerId=c-anna", this.token);
		JsonNode annaConfirmed = this.api.json("/api/v1/search/orders?customerId=c-anna&status=confirmed", this.token);
		JsonNode all = this.api.json("/api/v1/search/orders?sort=total,asc&size=2&page=1", this.token);
		JsonNode window = this.api.json(
				"/api/v1/search/orders?from=2026-01-10T10:30:00Z&to=2026-01-10T12:00:00Z&customerId=c-anna",
				this.token);

		assertThat(anna.get("total").asLong()).isEqualTo(3);
		assertThat(count(anna, "status", "CONFIRMED")).isEqualTo(2);
		assertThat(count(anna, "status", "CANCELLED")).isEqualTo(1);
		assertThat(ids(annaConfirmed)).containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(ids(window)).containsExactly(cancelled.id(), second.id());
		assertThat(all.get("total").asLong()).isEqualTo(5);
		assertThat(all.get("page").asInt()).isOne();
		assertThat(all.get("size").asInt()).isEqualTo(2);
		// By total ascending: 12.50, 30.00, 39.98, 89.00, then the pending order, which
		// has no total yet.
		assertThat(ids(all)).containsExactly(second.id(), confirmed.id());
		for (JsonNode page : List.of(anna, annaConfirmed, all, window)) {
			assertThat(sum(page, "status")).isEqualTo(page.get("total").asLong());
			assertThat(sum(page, "currency")).isEqualTo(page.get("total").asLong());
		}
	}

	@Test
	void showsAClientOnlyItsOwnOrdersAndOperatorsEverybodys() {
		String other = "client-" + UUID.randomUUID();
		String customer = "c-shared-" + UUID.randomUUID();
		Orders mine = Orders.anOrder(this.client, customer).of("SKU-1", "Espresso cup", 1, "12.50");
		Orders theirs = Orders.anOrder(other, customer).of("SKU-1", "Espresso cup", 1, "12.50");
		publish(mine.confirmed(3), theirs.confirmed(3));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					this.api.json("/api/v1/search/orders?customerId=" + customer, OPERATOR).get("total").asLong())
				.isEqualTo(2));

		assertThat(ids(this.api.json("/api/v1/search/orders?customerId=" + customer, this.token)))
			.containsExactly(mine.id());
		assertThat(
				ids(this.api.json("/api/v1/search/orders?customerId=" + customer, TestTokens.bearer(other, "search"))))
			.containsExactly(theirs.id());
		assertThat(ids(this.api.json("/api/v1/search/orders?customerId=" + customer + "&owner=" + other, OPERATOR)))
			.containsExactly(theirs.id());
		HttpResponse<String> snooping = this.api.get("/api/v1/search/orders?owner=" + other, this.token);
		assertThat(snooping.statusCode()).isEqualTo(403);
		assertThat(snooping.body()).contains("\"code\":\"FORBIDDEN\"");
	}

	@Test
	void rejectsInvalidParametersListingEveryInvalidField() {
		HttpResponse<String> orders = this.api
			.get("/api/v1/search/orders?size=101&page=-1&sort=price,up&from=yesterday&status=SHIPPED", this.token);
		HttpResponse<String> window = this.api.get("/api/v1/search/orders?size=100&page=100", this.token);
		HttpResponse<String> range = this.api
			.get("/api/v1/search/orders?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", this.token);
		HttpResponse<String> products = this.api.get("/api/v1/search/products?minPrice=abc&maxPrice=-1&size=0",
				this.token);
		HttpResponse<String> suggest = this.api.get("/api/v1/search/products/suggest", this.token);

		assertThat(orders.statusCode()).isEqualTo(400);
		assertThat(orders.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(fields(orders)).containsExactlyInAnyOrder("size", "page", "sort", "from", "status");
		assertThat(orders.body()).contains("\"code\":\"VALIDATION_FAILED\"");
		assertThat(fields(window)).containsExactly("page");
		assertThat(fields(range)).containsExactly("to");
		assertThat(fields(products)).containsExactlyInAnyOrder("minPrice", "maxPrice", "size");
		assertThat(fields(suggest)).containsExactly("prefix");
	}

	private void publish(io.orderflow.contract.order.OrderEvent... events) {
		try (Events publisher = new Events()) {
			for (io.orderflow.contract.order.OrderEvent event : events) {
				publisher.publish(event);
			}
		}
	}

	private void awaitTotal(String path, long total) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.api.json(path, this.token).get("total").asLong()).isEqualTo(total));
	}

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("orderId").asString()));
		return ids;
	}

	static long count(JsonNode page, String facet, String value) {
		JsonNode count = page.get("facets").get(facet).get(value);
		return (count != null) ? count.asLong() : 0;
	}

	static long sum(JsonNode page, String facet) {
		long sum = 0;
		for (JsonNode count : page.get("facets").get(facet)) {
			sum += count.asLong();
		}
		return sum;
	}

	private static List<String> fields(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		SearchApi.json(response).get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		return fields;
	}

}
