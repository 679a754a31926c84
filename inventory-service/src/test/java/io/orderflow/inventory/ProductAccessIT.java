package io.orderflow.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.orderflow.inventory.support.Api;
import io.orderflow.inventory.support.Api.Response;
import io.orderflow.inventory.support.Catalogue;
import io.orderflow.inventory.support.InventoryIT;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with the catalogue: any client with {@code products:read} reads it;
 * changing it and reading reservations takes an operator ({@code admin}); nothing without
 * a valid token.
 */
@InventoryIT
class ProductAccessIT {

	@LocalServerPort
	private int port;

	private Api operator;

	private String sku;

	@BeforeEach
	void aProduct() {
		this.operator = new Api(this.port);
		this.sku = Catalogue.uniqueSku();
		Response created = this.operator.post("/api/v1/products", """
				{"sku":"%s","name":"Milk Jug","category":"kitchen","price":9.50,"currency":"EUR","available":7}"""
			.formatted(this.sku));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@Test
	void letsTheDemoClientReadTheCatalogueButChangeNothing() {
		Api demoClient = this.operator.asDemoClient();

		assertThat(demoClient.get("/api/v1/products").status()).isEqualTo(200);
		assertThat(demoClient.get("/api/v1/products/" + this.sku).status()).isEqualTo(200);
		List<Response> forbidden = List.of(
				demoClient.post("/api/v1/products",
						"""
								{"sku":"%s","name":"Fake","category":"kitchen","price":1.00,"currency":"EUR","available":1}"""
							.formatted(Catalogue.uniqueSku())),
				demoClient.put("/api/v1/products/" + this.sku + "/stock", "{\"available\":0}"),
				demoClient.put("/api/v1/products/" + this.sku + "/price", "{\"price\":0.01,\"currency\":\"EUR\"}"),
				demoClient.get("/api/v1/reservations/" + Catalogue.anOrderId()));

		assertThat(forbidden).allSatisfy((response) -> {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
		});
		Response product = this.operator.get("/api/v1/products/" + this.sku);
		assertThat(product.json().get("available").asInt()).as("stock unchanged").isEqualTo(7);
		assertThat(product.body()).as("price unchanged").contains("\"price\":9.50");
	}

	@Test
	void refusesTheCatalogueToATokenWithoutProductsRead() {
		Response response = this.operator.withAuthorization(TestTokens.bearer("demo-client", "orders:read"))
			.get("/api/v1/products/" + this.sku);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("code").asString()).isEqualTo("FORBIDDEN");
	}

	@Test
	void refusesRequestsWithoutAValidToken() {
		TestTokens.Token token = TestTokens.token("ops-client", "products:read", "admin");
		Map<String, String> invalid = new HashMap<>();
		invalid.put("expired", token.expired().bearer());
		invalid.put("signed by a foreign key", token.signedByAForeignKey().bearer());
		invalid.put("from another issuer", token.issuedBy("http://127.0.0.1:9000").bearer());

		assertUnauthorized("no token", this.operator.withAuthorization(null));
		invalid
			.forEach((why, authorization) -> assertUnauthorized(why, this.operator.withAuthorization(authorization)));
	}

	private void assertUnauthorized(String why, Api caller) {
		for (Response response : List.of(caller.get("/api/v1/products/" + this.sku),
				caller.put("/api/v1/products/" + this.sku + "/stock", "{\"available\":0}"))) {
			assertThat(response.status()).as(why).isEqualTo(401);
			assertThat(response.contentType()).as(why).startsWith("application/problem+json");
			assertThat(response.json().get("code").asString()).as(why).isEqualTo("UNAUTHORIZED");
		}
		assertThat(this.operator.get("/api/v1/products/" + this.sku).json().get("available").asInt()).as(why)
			.isEqualTo(7);
	}

}
