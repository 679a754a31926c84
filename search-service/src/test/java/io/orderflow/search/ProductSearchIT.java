package io.orderflow.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.contract.inventory.StockReleased;
import io.orderflow.contract.testing.GoldenMessages;
import io.orderflow.messaging.failure.DeadLetters;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.search.OrderProjectionIT.WAIT;
import static io.orderflow.search.OrderSearchIT.count;
import static io.orderflow.search.OrderSearchIT.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Product changes on {@code inventory.events} become the {@code products} index, which
 * every client with the {@code search} scope searches: full text, category and price
 * filters, facets, suggestions by prefix.
 */
@SearchIT
class ProductSearchIT {

	private static final String TOKEN = TestTokens.bearer("demo-client", "search");

	@LocalServerPort
	int port;

	@Autowired
	private DeadLetters deadLetters;

	private SearchApi api;

	/** A category of the test's own, so that other tests' products stay out of it. */
	private final String category = "kitchen-" + UUID.randomUUID();

	@BeforeEach
	void api() {
		this.api = new SearchApi(this.port);
	}

	@Test
	void findsProductsByTextCategoryAndPriceWithFacets() {
		ProductChanged cup = product("Espresso cup", "Double-walled glass, 80 ml", "12.50");
		ProductChanged jug = product("Milk jug", "Stainless steel, for espresso drinks", "19.99");
		ProductChanged grinder = product("Coffee grinder", "Burr grinder", "89.00");
		publish(cup, jug, grinder);
		awaitTotal("/api/v1/search/products?category=" + this.category, 3);

		JsonNode text = this.api.json("/api/v1/search/products?q=espreso&category=" + this.category, TOKEN);
		JsonNode cheap = this.api.json("/api/v1/search/products?category=" + this.category + "&maxPrice=20", TOKEN);
		JsonNode range = this.api.json(
				"/api/v1/search/products?category=" + this.category + "&minPrice=15&maxPrice=100&sort=price,desc",
				TOKEN);

		assertThat(skus(text)).first().isEqualTo(cup.sku());
		assertThat(skus(text)).containsExactlyInAnyOrder(cup.sku(), jug.sku());
		assertThat(skus(cheap)).containsExactly(cup.sku(), jug.sku());
		assertThat(skus(range)).containsExactly(grinder.sku(), jug.sku());
		JsonNode all = this.api.json("/api/v1/search/products?category=" + this.category, TOKEN);
		assertThat(count(all, "category", this.category)).isEqualTo(3);
		assertThat(count(all, "price", "10-50")).isEqualTo(2);
		assertThat(count(all, "price", "50-100")).isEqualTo(1);
		assertThat(sum(all, "price")).isEqualTo(3);
		assertThat(sum(all, "category")).isEqualTo(3);
		assertThat(this.api.get("/api/v1/search/products?category=" + this.category, TOKEN).body())
			.contains("\"price\":12.50");
	}

	@Test
	void suggestsProductNamesByPrefix() {
		String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
		ProductChanged blue = product(word + " blue mug", "Stoneware", "9.00");
		ProductChanged red = product(word + " red mug", "Stoneware", "9.00");
		publish(blue, red);
		awaitTotal("/api/v1/search/products?category=" + this.category, 2);

		JsonNode suggestions = this.api.json("/api/v1/search/products/suggest?prefix=" + word.substring(0, 5), TOKEN);
		JsonNode narrower = this.api.json("/api/v1/search/products/suggest?prefix=" + word + "%20re", TOKEN);

		assertThat(names(suggestions)).containsExactlyInAnyOrder(blue.name(), red.name());
		assertThat(names(narrower)).containsExactly(red.name());
	}

	@Test
	void keepsTheNewestProductAndPassesOverSagaRepliesButDeadLettersBrokenRecords() {
		ProductChanged older = product("Tea pot", "Cast iron", "30.00");
		ProductChanged newer = new ProductChanged(older.sku(), "Tea pot", "Cast iron", this.category,
				new BigDecimal("35.00"), "EUR", 5, 0, 1, Instant.now(), older.version() + 1);
		UUID notJson = UUID.randomUUID();
		UUID unknownType = UUID.randomUUID();
		UUID noSku = UUID.randomUUID();
		try (Events events = new Events()) {
			events.publish(older.sku(), GoldenMessages.read(StockReleased.class));
			events.sendRaw(InventoryEvent.TOPIC, older.sku(), notJson, "ProductChanged", "{\"sku\": nope");
			events.sendRaw(InventoryEvent.TOPIC, older.sku(), unknownType, "ProductMelted", "{}");
			events.sendRaw(InventoryEvent.TOPIC, older.sku(), noSku, "ProductChanged",
					"{\"sku\":\"\",\"name\":\"x\",\"version\":1}");
			events.publish(newer);
			events.publish(older);
		}

		await().atMost(WAIT).untilAsserted(() -> {
			JsonNode found = this.api.json("/api/v1/search/products?category=" + this.category, TOKEN);
			assertThat(found.get("total").asLong()).isOne();
			assertThat(found.get("items").get(0).get("version").asLong()).isEqualTo(newer.version());
		});
		assertThat(this.api.get("/api/v1/search/products?category=" + this.category, TOKEN).body())
			.contains("\"price\":35.00");
		assertThat(OrderProjectionIT.deadLetterIds(this.deadLetters, InventoryEvent.TOPIC, older.sku()))
			.containsExactly(notJson.toString(), unknownType.toString(), noSku.toString());
	}

	private ProductChanged product(String name, String description, String price) {
		return new ProductChanged("SKU-" + UUID.randomUUID(), name, description, this.category, new BigDecimal(price),
				"EUR", 10, 0, 0, Instant.now(), 7);
	}

	private static void publish(ProductChanged... products) {
		try (Events events = new Events()) {
			for (ProductChanged product : products) {
				events.publish(product);
			}
		}
	}

	private void awaitTotal(String path, long total) {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(this.api.json(path, TOKEN).get("total").asLong()).isEqualTo(total));
	}

	private static List<String> skus(JsonNode page) {
		List<String> skus = new ArrayList<>();
		page.get("items").forEach((item) -> skus.add(item.get("sku").asString()));
		return skus;
	}

	private static List<String> names(JsonNode suggestions) {
		List<String> names = new ArrayList<>();
		suggestions.get("suggestions").forEach((name) -> names.add(name.asString()));
		return names;
	}

}
