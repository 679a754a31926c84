package io.orderflow.order.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.orderflow.order.support.Api;
import io.orderflow.order.support.OrderServiceIT;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.order.support.Api.orderBody;
import static io.orderflow.order.support.Flows.key;
import static io.orderflow.order.support.Flows.sku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with orders: a valid token first, then the scope of the endpoint, then
 * ownership. A client sees only the orders it placed, under idempotency keys that are its
 * own; operators (scope {@code admin}) see every client's.
 */
@OrderServiceIT
class OrderAccessIT {

	private static final String OTHER_CLIENT = "other-client";

	@LocalServerPort
	private int port;

	private Api client;

	private Api otherClient;

	private Api operator;

	@BeforeEach
	void clients() {
		this.client = new Api(this.port);
		this.otherClient = this.client.as(OTHER_CLIENT);
		this.operator = this.client.asOperator();
	}

	@Test
	void refusesEveryOrdersEndpointWithoutAValidTokenAndPlacesNothing() {
		String key = key();
		String body = orderBody("c-anonymous-" + UUID.randomUUID(), "tok_visa", sku("CUP"), 1);
		TestTokens.Token token = TestTokens.token(Api.CLIENT, "orders:read", "orders:write", "admin");
		Map<String, Api> callers = Map.of("no token", this.client.withAuthorization(null), "an expired token",
				this.client.withAuthorization(token.expired().bearer()), "a token signed by a foreign key",
				this.client.withAuthorization(token.signedByAForeignKey().bearer()), "a token from another issuer",
				this.client.withAuthorization(token.issuedBy("http://127.0.0.1:9000").bearer()));

		callers.forEach((why, caller) -> {
			String orderPath = "/api/v1/orders/" + UUID.randomUUID();
			for (HttpResponse<String> refused : List.of(caller.place(key, body), caller.get("/api/v1/orders"),
					caller.get(orderPath), caller.get(orderPath + "/saga"), caller.post(orderPath + "/saga/resume"))) {
				String request = why + ": " + refused.request().method() + " " + refused.request().uri().getPath();
				assertThat(refused.statusCode()).as(request).isEqualTo(401);
				assertThat(refused.headers().firstValue("Content-Type")).as(request)
					.contains("application/problem+json");
				assertThat(refused.headers().firstValue("WWW-Authenticate")).as(request)
					.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
				assertThat(JsonPath.<String>read(refused.body(), "$.code")).as(request).isEqualTo("UNAUTHORIZED");
				assertThat(JsonPath.<String>read(refused.body(), "$.requestId")).as(request).isNotBlank();
			}
		});
		HttpResponse<String> placed = this.client.place(key, body);
		assertThat(placed.statusCode()).as("the key was never claimed").isEqualTo(202);
	}

	@Test
	void refusesAnEndpointToATokenWithoutItsScope() {
		Api reader = this.client.withAuthorization(TestTokens.bearer(Api.CLIENT, "orders:read", "products:read"));
		Api writer = this.client.withAuthorization(TestTokens.bearer(Api.CLIENT, "orders:write"));
		String orderId = this.client.placeOrder(key(), orderBody("c-scopes", "tok_visa", sku("CUP"), 1));

		List<HttpResponse<String>> forbidden = List.of(
				reader.place(key(), orderBody("c-scopes", "tok_visa", sku("CUP"), 1)), writer.get("/api/v1/orders"),
				writer.get("/api/v1/orders/" + orderId),
				this.client.post("/api/v1/orders/" + orderId + "/saga/resume"));

		assertThat(forbidden).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("FORBIDDEN");
			assertThat(response.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying((challenge) -> assertThat(challenge).contains("insufficient_scope"));
		});
		assertThat(reader.get("/api/v1/orders/" + orderId).statusCode()).isEqualTo(200);
	}

	@Test
	void hidesAnOrderFromOtherClientsAsIfItDidNotExist() {
		String orderId = this.client.placeOrder(key(), orderBody("c-private", "tok_visa", sku("CUP"), 1));
		String unknownId = UUID.randomUUID().toString();

		for (String path : List.of("", "/saga")) {
			HttpResponse<String> hidden = this.otherClient.get("/api/v1/orders/" + orderId + path);
			HttpResponse<String> unknown = this.otherClient.get("/api/v1/orders/" + unknownId + path);
			assertThat(hidden.statusCode()).as(path).isEqualTo(404);
			assertThat(JsonPath.<String>read(hidden.body(), "$.code")).as(path).isEqualTo("ORDER_NOT_FOUND");
			assertThat(JsonPath.<String>read(hidden.body(), "$.detail").replace(orderId, "<id>")).as(path)
				.isEqualTo(JsonPath.<String>read(unknown.body(), "$.detail").replace(unknownId, "<id>"));
		}
		assertThat(this.client.get("/api/v1/orders/" + orderId).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/api/v1/orders/" + orderId + "/saga").statusCode()).isEqualTo(200);
	}

	@Test
	void letsAnOperatorReadEveryClientsOrderAndItsSaga() {
		String orderId = this.otherClient.placeOrder(key(), orderBody("c-operated", "tok_visa", sku("CUP"), 1));

		HttpResponse<String> order = this.operator.get("/api/v1/orders/" + orderId);
		HttpResponse<String> saga = this.operator.get("/api/v1/orders/" + orderId + "/saga");

		assertThat(order.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(order.body(), "$.owner")).isEqualTo(OTHER_CLIENT);
		assertThat(saga.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(saga.body(), "$.orderId")).isEqualTo(orderId);
	}

	@Test
	void listsOnlyTheCallersOrdersAndEveryClientsForAnOperator() {
		String customer = "c-shared-" + UUID.randomUUID();
		String mine = this.client.placeOrder(key(), orderBody(customer, "tok_visa", sku("CUP"), 1));
		String theirs = this.otherClient.placeOrder(key(), orderBody(customer, "tok_visa", sku("CUP"), 1));

		assertThat(listed(this.client, "customerId=" + customer)).containsExactly(mine);
		assertThat(listed(this.client, "customerId=" + customer + "&owner=" + Api.CLIENT)).containsExactly(mine);
		assertThat(listed(this.otherClient, "customerId=" + customer)).containsExactly(theirs);
		assertThat(listed(this.operator, "customerId=" + customer)).containsExactly(theirs, mine);
		assertThat(listed(this.operator, "customerId=" + customer + "&owner=" + OTHER_CLIENT)).containsExactly(theirs);
		HttpResponse<String> snooping = this.client.get("/api/v1/orders?owner=" + OTHER_CLIENT);
		assertThat(snooping.statusCode()).isEqualTo(403);
		assertThat(JsonPath.<String>read(snooping.body(), "$.code")).isEqualTo("FORBIDDEN");
	}

	@Test
	void keepsEachClientsIdempotencyKeysApart() {
		String key = key();
		String customer = "c-same-key-" + UUID.randomUUID();
		String body = orderBody(customer, "tok_visa", sku("CUP"), 1);

		HttpResponse<String> mine = this.client.place(key, body);
		HttpResponse<String> theirs = this.otherClient.place(key, body);
		HttpResponse<String> aThirdOnesOther = this.client.as("third-client")
			.place(key, orderBody(customer, "tok_visa", sku("MUG"), 2));

		assertThat(List.of(mine, theirs, aThirdOnesOther)).extracting(HttpResponse::statusCode).containsOnly(202);
		String myOrder = JsonPath.read(mine.body(), "$.orderId");
		String theirOrder = JsonPath.read(theirs.body(), "$.orderId");
		assertThat(theirOrder).isNotEqualTo(myOrder);
		assertThat(this.client.place(key, body).body()).as("my retry gets my response").isEqualTo(mine.body());
		assertThat(this.otherClient.place(key, body).body()).as("their retry gets theirs").isEqualTo(theirs.body());
		assertThat(this.otherClient.get("/api/v1/orders/" + myOrder).statusCode()).isEqualTo(404);
		assertThat(listed(this.operator, "customerId=" + customer)).hasSize(3).contains(myOrder, theirOrder);
	}

	@Test
	void keepsHealthInfoAndPrometheusOpenAndMetricsClosed() {
		Api anonymous = this.client.withAuthorization(null);

		assertThat(anonymous.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/info").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/prometheus").body()).contains("orderflow_");
		assertThat(anonymous.get("/actuator/metrics").statusCode()).isEqualTo(401);
	}

	private static List<String> listed(Api api, String query) {
		HttpResponse<String> page = api.get("/api/v1/orders?limit=100&" + query);
		assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
		return JsonPath.read(page.body(), "$.items[*].orderId");
	}

}
