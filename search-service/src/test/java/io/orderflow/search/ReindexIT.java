package io.orderflow.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.orderflow.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.search.OrderProjectionIT.OPERATOR;
import static io.orderflow.search.OrderProjectionIT.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator's reindex rebuilds the orders index from order-service (a stand-in) while
 * order events keep arriving, swaps the alias and drops the old index, losing nothing:
 * afterwards the index holds exactly the newest version of every order.
 */
@SearchIT
class ReindexIT {

	private static final int SEEDED = 60;

	private static final int UPDATED = 20;

	private static final int CREATED = 10;

	@LocalServerPort
	int port;

	private SearchApi api;

	private final SourceStandIns source = SourceStandIns.get();

	@BeforeEach
	void api() {
		this.api = new SearchApi(this.port);
	}

	@AfterEach
	void clearSource() {
		this.source.clear();
		this.source.slowDownPagesBy(Duration.ZERO);
	}

	@Test
	void rebuildsTheIndexFromTheSourceWhileEventsArriveAndLosesNothing() {
		String owner = "client-" + UUID.randomUUID();
		Map<String, Long> newest = new HashMap<>();
		List<Orders> seeded = new ArrayList<>();
		try (Events events = new Events()) {
			for (int i = 0; i < SEEDED; i++) {
				Orders order = Orders.anOrder(owner, "c-" + (i % 7)).of("SKU-" + i, "Product " + i, 1, "10.00");
				seeded.add(order);
				this.source.putOrder(order.asListed("CONFIRMED", 2));
				events.publish(order.confirmed(2));
				newest.put(order.id(), 2L);
			}
		}
		await().atMost(WAIT).until(() -> versions(owner).equals(newest));
		List<String> before = live();
		this.source.slowDownPagesBy(Duration.ofMillis(150));

		HttpResponse<String> started = this.api.post("/api/v1/search/reindex?index=orders", OPERATOR);
		HttpResponse<String> second = this.api.post("/api/v1/search/reindex?index=orders", OPERATOR);
		String location = started.headers().firstValue("Location").orElseThrow();
		// Newer versions of some orders and new orders, committed at the source and then
		// published, as order-service's outbox does, spread over the whole reindex.
		AtomicInteger step = new AtomicInteger();
		try (Events events = new Events()) {
			await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
				int i = step.getAndIncrement();
				if (i < UPDATED) {
					Orders order = seeded.get(i * 3);
					this.source.putOrder(order.asListed("CANCELLED", 3));
					events.publish(order.cancelled(3));
					newest.put(order.id(), 3L);
				}
				else if (i < UPDATED + CREATED) {
					Orders order = Orders.anOrder(owner, "c-new").of("SKU-N" + i, "New product " + i, 1, "5.00");
					this.source.putOrder(order.asListed("CONFIRMED", 1));
					events.publish(order.confirmed(1));
					newest.put(order.id(), 1L);
				}
				return i >= UPDATED + CREATED && !"RUNNING".equals(status(location).get("state").asString());
			});
		}

		JsonNode status = status(location);
		JsonNode part = status.get("indices").get(0);
		assertThat(started.statusCode()).isEqualTo(202);
		assertThat(started.body()).contains("\"state\":\"RUNNING\"");
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("\"code\":\"REINDEX_RUNNING\"");
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("COMPLETED");
		assertThat(part.get("read").asLong())
			.isEqualTo(part.get("applied").asLong() + part.get("alreadyNewer").asLong())
			.isGreaterThanOrEqualTo(SEEDED);
		String rebuilt = part.get("newIndex").asString();
		assertThat(rebuilt).startsWith("orders-").isNotIn(before);
		assertThat(live()).containsExactly(rebuilt);
		for (String old : before) {
			assertThat(engine("HEAD", "/" + old).statusCode()).as(old + " deleted").isEqualTo(404);
		}
		assertThat(engine("HEAD", "/_alias/orders-building").statusCode()).isEqualTo(404);
		await().atMost(WAIT).untilAsserted(() -> assertThat(versions(owner)).isEqualTo(newest));
		assertThat(this.source.authorizations()).isNotEmpty().allSatisfy((authorization) -> {
			assertThat(authorization).startsWith("Bearer ");
			String claims = new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]),
					StandardCharsets.UTF_8);
			assertThat(claims).contains("\"sub\":\"search-service\"").contains("admin");
		});
	}

	@Test
	void rebuildsTheProductsIndexFromInventory() {
		String category = "reindexed-" + UUID.randomUUID();
		for (int i = 0; i < 25; i++) {
			Map<String, Object> product = new HashMap<>();
			product.put("sku", "SKU-R" + i + "-" + category);
			product.put("name", "Reindexed product " + i);
			product.put("description", "From inventory");
			product.put("category", category);
			product.put("price", 4.5);
			product.put("currency", "EUR");
			product.put("available", 3);
			product.put("reserved", 0);
			product.put("sold", 0);
			product.put("version", 2);
			product.put("updatedAt", "2026-11-21T10:15:30Z");
			this.source.putProduct(product);
		}

		HttpResponse<String> started = this.api.post("/api/v1/search/reindex?index=products", OPERATOR);
		String location = started.headers().firstValue("Location").orElseThrow();
		await().atMost(WAIT).until(() -> !"RUNNING".equals(status(location).get("state").asString()));

		JsonNode status = status(location);
		assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("COMPLETED");
		assertThat(status.get("indices").get(0).get("read").asLong()).isEqualTo(25);
		JsonNode found = this.api.json("/api/v1/search/products?size=100&category=" + category, OPERATOR);
		assertThat(found.get("total").asLong()).isEqualTo(25);
		assertThat(this.api.get("/api/v1/search/products?category=" + category, OPERATOR).body())
			.contains("\"price\":4.50");
	}

	@Test
	void answersForUnknownReindexesAndIndices() {
		HttpResponse<String> unknown = this.api.get("/api/v1/search/reindex/" + UUID.randomUUID(), OPERATOR);
		HttpResponse<String> badIndex = this.api.post("/api/v1/search/reindex?index=customers", OPERATOR);

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("\"code\":\"REINDEX_NOT_FOUND\"");
		assertThat(badIndex.statusCode()).isEqualTo(400);
		assertThat(badIndex.body()).contains("\"field\":\"index\"");
	}

	private JsonNode status(String location) {
		return this.api.json(location, OPERATOR);
	}

	/** Every order of {@code owner} in the live index, with its version. */
	private Map<String, Long> versions(String owner) {
		JsonNode page = this.api.json("/api/v1/search/orders?size=100&owner=" + owner, OPERATOR);
		Map<String, Long> versions = new HashMap<>();
		page.get("items").forEach((item) -> versions.put(item.get("orderId").asString(), item.get("version").asLong()));
		return versions;
	}

	/** The concrete indices behind the {@code orders} alias. */
	private static List<String> live() {
		HttpResponse<String> aliases = engine("GET", "/_alias/orders");
		assertThat(aliases.statusCode()).isEqualTo(200);
		List<String> indices = new ArrayList<>();
		SearchApi.json(aliases.body()).propertyNames().forEach(indices::add);
		return indices;
	}

	private static HttpResponse<String> engine(String method, String path) {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create(TestInfrastructure.search().uri() + path))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
