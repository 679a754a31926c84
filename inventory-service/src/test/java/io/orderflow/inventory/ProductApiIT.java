package io.orderflow.inventory;

import java.util.List;
import java.util.UUID;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.inventory.support.Api;
import io.orderflow.inventory.support.Api.Response;
import io.orderflow.inventory.support.Catalogue;
import io.orderflow.inventory.support.Commands;
import io.orderflow.inventory.support.InventoryIT;
import io.orderflow.inventory.support.TopicLog;
import io.orderflow.messaging.envelope.MessageCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API from the outside, errors as problem details (DESIGN.md §5). */
@InventoryIT
class ProductApiIT {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	private int port;

	@Autowired
	private MessageCodec codec;

	private Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port);
	}

	@Test
	void createsAProductAndShowsItAtItsLocation() {
		String sku = Catalogue.uniqueSku();

		Response created = this.api.post("/api/v1/products", product(sku, "Trail Running Shoe", "129.9", "USD", 40));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).hasValue("/api/v1/products/" + sku);
		Response shown = this.api.get(created.location().orElseThrow());
		assertThat(shown.status()).isEqualTo(200);
		JsonNode product = shown.json();
		assertThat(product.get("sku").asString()).isEqualTo(sku);
		assertThat(product.get("name").asString()).isEqualTo("Trail Running Shoe");
		assertThat(product.get("category").asString()).isEqualTo("footwear");
		assertThat(shown.body()).contains("\"price\":129.90");
		assertThat(product.get("currency").asString()).isEqualTo("USD");
		assertThat(product.get("available").asInt()).isEqualTo(40);
		assertThat(product.get("reserved").asInt()).isZero();
		assertThat(product.get("sold").asInt()).isZero();
		assertThat(product.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void refusesASecondProductWithTheSameSku() {
		String sku = Catalogue.uniqueSku();
		this.api.post("/api/v1/products", product(sku, "Espresso Cup", "12.50", "EUR", 5));

		Response again = this.api.post("/api/v1/products", product(sku, "Another Cup", "13.50", "EUR", 5));

		assertProblem(again, 409, "PRODUCT_EXISTS");
		assertThat(again.json().get("sku").asString()).isEqualTo(sku);
		assertThat(this.api.get("/api/v1/products/" + sku).json().get("name").asString()).isEqualTo("Espresso Cup");
	}

	@Test
	void listsEveryInvalidFieldOfANewProduct() {
		Response invalid = this.api.post("/api/v1/products", """
				{"sku":"lower case","name":"","category":"kitchen","price":-1,"currency":"XYZ","available":-5}""");

		assertProblem(invalid, 400, "VALIDATION_FAILED");
		assertThat(invalid.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("sku", "name", "price", "currency", "available");
	}

	@Test
	void refusesPricesWithMoreThanTwoDecimalsAndMissingFields() {
		Response invalid = this.api.post("/api/v1/products", """
				{"sku":"%s","name":"Cup","category":"kitchen","price":1.999}""".formatted(Catalogue.uniqueSku()));

		assertProblem(invalid, 400, "VALIDATION_FAILED");
		assertThat(invalid.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("price", "currency", "available");
	}

	@Test
	void answersMalformedJsonWithAProblem() {
		assertProblem(this.api.post("/api/v1/products", "{\"sku\": "), 400, "MALFORMED_JSON");
	}

	@Test
	void refusesABodyLargerThanTheLimit() {
		String sku = Catalogue.uniqueSku();
		Response tooLarge = this.api.post("/api/v1/products", product(sku, "Big", "1.00", "EUR", 1)
			.replace("\"name\":\"Big\"", "\"name\":\"" + "x".repeat(70_000) + "\""));

		assertProblem(tooLarge, 413, "PAYLOAD_TOO_LARGE");
		assertProblem(this.api.get("/api/v1/products/" + sku), 404, "PRODUCT_NOT_FOUND");
	}

	@Test
	void answersAnUnknownSkuWithProductNotFound() {
		Response missing = this.api.get("/api/v1/products/NO-SUCH-SKU");

		assertProblem(missing, 404, "PRODUCT_NOT_FOUND");
		assertThat(missing.json().get("detail").asString()).contains("NO-SUCH-SKU");
		assertProblem(this.api.put("/api/v1/products/NO-SUCH-SKU/stock", "{\"available\":3}"), 404,
				"PRODUCT_NOT_FOUND");
		assertProblem(this.api.put("/api/v1/products/NO-SUCH-SKU/price", "{\"price\":3.00,\"currency\":\"EUR\"}"), 404,
				"PRODUCT_NOT_FOUND");
	}

	@Test
	void setsTheAvailableStockToAnAbsoluteFigureIdempotently() {
		String sku = created("Milk Jug", "19.99", 10);

		Response set = this.api.put("/api/v1/products/" + sku + "/stock", "{\"available\":25}");
		Response again = this.api.put("/api/v1/products/" + sku + "/stock", "{\"available\":25}");

		assertThat(set.status()).isEqualTo(200);
		assertThat(set.json().get("available").asInt()).isEqualTo(25);
		assertThat(set.json().get("version").asLong()).isEqualTo(2);
		assertThat(again.json().get("available").asInt()).isEqualTo(25);
		assertThat(again.json().get("version").asLong()).isEqualTo(2);
		assertProblem(this.api.put("/api/v1/products/" + sku + "/stock", "{\"available\":-1}"), 400,
				"VALIDATION_FAILED");
		assertProblem(this.api.put("/api/v1/products/" + sku + "/stock", "{}"), 400, "VALIDATION_FAILED");
	}

	@Test
	void changesThePrice() {
		String sku = created("Chef's Knife", "79.00", 10);

		Response changed = this.api.put("/api/v1/products/" + sku + "/price", "{\"price\":84.5,\"currency\":\"USD\"}");

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.body()).contains("\"price\":84.50");
		assertThat(changed.json().get("currency").asString()).isEqualTo("USD");
		assertThat(changed.json().get("version").asLong()).isEqualTo(2);
		Response invalid = this.api.put("/api/v1/products/" + sku + "/price", "{\"price\":0,\"currency\":\"usd\"}");
		assertProblem(invalid, 400, "VALIDATION_FAILED");
		assertThat(invalid.json().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactlyInAnyOrder("price", "currency");
	}

	@Test
	void pagesThroughACategoryInSkuOrderWithCursors() {
		String category = "paging-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> skus = java.util.stream.IntStream.range(0, 5)
			.mapToObj((i) -> created(category, "Paged " + i))
			.sorted()
			.toList();

		JsonNode first = this.api.get("/api/v1/products?category=" + category + "&limit=2").json();
		JsonNode second = this.api
			.get("/api/v1/products?category=" + category + "&limit=2&cursor=" + first.get("nextCursor").asString())
			.json();
		JsonNode last = this.api
			.get("/api/v1/products?category=" + category + "&limit=2&cursor=" + second.get("nextCursor").asString())
			.json();

		assertThat(skusOf(first)).containsExactlyElementsOf(skus.subList(0, 2));
		assertThat(skusOf(second)).containsExactlyElementsOf(skus.subList(2, 4));
		assertThat(skusOf(last)).containsExactlyElementsOf(skus.subList(4, 5));
		assertThat(last.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void listsTwentyProductsByDefault() {
		JsonNode page = this.api.get("/api/v1/products").json();

		assertThat(page.get("items").size()).isEqualTo(20);
		assertThat(page.get("nextCursor").isString()).isTrue();
	}

	@Test
	void refusesLimitsOutsideOneToAHundredAndForeignCursors() {
		assertProblem(this.api.get("/api/v1/products?limit=0"), 400, "VALIDATION_FAILED");
		assertProblem(this.api.get("/api/v1/products?limit=101"), 400, "VALIDATION_FAILED");
		assertProblem(this.api.get("/api/v1/products?limit=ten"), 400, "INVALID_PARAMETER");
		assertProblem(this.api.get("/api/v1/products?cursor=not*base64"), 400, "INVALID_CURSOR");
		assertProblem(this.api.get("/api/v1/products?cursor=bG93ZXI"), 400, "INVALID_CURSOR");
	}

	@Test
	void showsAnOrdersReservationWithItsLines() {
		String sku = created("Espresso Cup", "12.50", 10);
		String orderId = Catalogue.anOrderId();
		try (Commands commands = new Commands(this.codec);
				TopicLog events = TopicLog.of(InventoryEvent.TOPIC, this.codec)) {
			commands.send(new ReserveStock(orderId, List.of(new StockLine(sku, 2))));
			events.awaitKey(orderId, 1);
		}

		Response shown = this.api.get("/api/v1/reservations/" + orderId);

		assertThat(shown.status()).isEqualTo(200);
		JsonNode reservation = shown.json();
		assertThat(reservation.get("status").asString()).isEqualTo("RESERVED");
		assertThat(reservation.get("lines")).hasSize(1);
		assertThat(reservation.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
		assertThat(reservation.get("lines").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(shown.body()).contains("\"total\":25.00");
		assertProblem(this.api.get("/api/v1/reservations/" + Catalogue.anOrderId()), 404, "RESERVATION_NOT_FOUND");
	}

	@Test
	void answersUnknownRoutesWithAProblem() {
		assertProblem(this.api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
	}

	@Test
	void reportsItselfUpOnTheHealthEndpointToAnyoneWithoutAToken() {
		Response health = this.api.withAuthorization(null).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesItsMetricsToPrometheusWhichScrapesWithoutAToken() {
		Response prometheus = this.api.withAuthorization(null).get("/actuator/prometheus");

		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
	}

	private String created(String name, String price, int available) {
		String sku = Catalogue.uniqueSku();
		assertThat(this.api.post("/api/v1/products", product(sku, name, price, "EUR", available)).status())
			.isEqualTo(201);
		return sku;
	}

	private String created(String category, String name) {
		String sku = Catalogue.uniqueSku();
		assertThat(this.api
			.post("/api/v1/products",
					"""
							{"sku":"%s","name":"%s","category":"%s","price":5.00,"currency":"EUR","available":1}"""
						.formatted(sku, name, category))
			.status()).isEqualTo(201);
		return sku;
	}

	private static List<String> skusOf(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("sku").asString()).toList();
	}

	private static String product(String sku, String name, String price, String currency, int available) {
		return """
				{"sku":"%s","name":"%s","description":"Grippy and light","category":"footwear","price":%s,\
				"currency":"%s","available":%d}""".formatted(sku, name, price, currency, available);
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith(PROBLEM_JSON);
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(problem.get("requestId").asString()).isNotBlank();
		assertThat(problem.has("title")).isTrue();
		assertThat(problem.has("instance")).isTrue();
	}

}
