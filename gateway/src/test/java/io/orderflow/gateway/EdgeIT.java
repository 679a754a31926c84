package io.orderflow.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request gets, routed or not: a request id, the body limit, problem details
 * for unknown paths, CORS, security headers, health and the rejection count.
 */
class EdgeIT extends GatewayTestContext {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@Test
	void forwardsAndEchoesTheCallersRequestIdOnce() {
		HttpResponse<String> response = send(
				request("/api/v1/orders/o-1", tokenWith("orders:read")).header("X-Request-ID", "shop-42.a_b"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("X-Request-ID")).containsExactly("shop-42.a_b");
		assertThat(body(response)).containsEntry("requestId", "shop-42.a_b");
	}

	@Test
	void generatesARequestIdWhenTheCallerSendsNoneOrAnUnsafeOne() {
		HttpResponse<String> none = send(request("/api/v1/orders/o-1", tokenWith("orders:read")));
		HttpResponse<String> unsafe = send(
				request("/api/v1/orders/o-1", tokenWith("orders:read")).header("X-Request-ID", "x".repeat(129)));

		assertThat(none.headers().firstValue("X-Request-ID")).hasValueSatisfying((id) -> assertThat(id).matches(UUID));
		assertThat(body(none).get("requestId")).isEqualTo(none.headers().firstValue("X-Request-ID").orElseThrow());
		assertThat(unsafe.headers().firstValue("X-Request-ID"))
			.hasValueSatisfying((id) -> assertThat(id).matches(UUID));
	}

	@Test
	void putsTheRequestIdInTheGatewaysOwnErrors() {
		HttpResponse<String> response = send(request("/api/v1/orders/o-1").header("X-Request-ID", "req-401"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(problem(response)).containsEntry("requestId", "req-401");
	}

	@Test
	void refusesABodyOverTheLimitByItsLength() {
		int before = orders.received().size();

		HttpResponse<String> response = send(placeOrder(BodyPublishers.ofByteArray(new byte[64 * 1024 + 1])));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(problem(response)).containsEntry("code", "PAYLOAD_TOO_LARGE")
			.containsEntry("type", "urn:orderflow:problem:payload-too-large");
		assertThat(orders.received()).hasSize(before);
	}

	@Test
	void refusesAChunkedBodyOverTheLimitWhileReadingIt() {
		int before = orders.received().size();

		HttpResponse<String> response = send(
				placeOrder(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[200 * 1024]))));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(problem(response)).containsEntry("code", "PAYLOAD_TOO_LARGE");
		assertThat(orders.received()).hasSize(before);
	}

	@Test
	void acceptsABodyAtTheLimit() {
		HttpResponse<String> response = send(placeOrder(BodyPublishers.ofByteArray(new byte[64 * 1024])));

		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(orders.received().getLast().bodyLength()).isEqualTo(64 * 1024);
	}

	@Test
	void answersAnUnknownPathWith404Problem() {
		HttpResponse<String> response = send(request("/api/v1/nothing-here", tokenWith("orders:read")));

		assertThat(response.statusCode()).isEqualTo(404);
		Map<String, Object> problem = problem(response);
		assertThat(problem).containsEntry("code", "NOT_FOUND").containsEntry("instance", "/api/v1/nothing-here");
		assertThat(problem).doesNotContainKeys("trace", "exception", "error");
	}

	@Test
	void keepsTheBreakersFallbackToItsForwards() {
		HttpResponse<String> response = send(request("/fallback/order-service", tokenWith("orders:read")));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(problem(response)).containsEntry("code", "NOT_FOUND");
	}

	@Test
	void answersAMethodAnEndpointDoesNotServeWith405Problem() {
		HttpResponse<String> response = send(request("/actuator/health", tokenWith("admin")).DELETE());

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(problem(response)).containsEntry("code", "METHOD_NOT_ALLOWED");
	}

	@Test
	void answersAPreflightFromAnAllowedOrigin() {
		HttpResponse<String> response = send(request("/api/v1/orders").method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", "http://localhost:3000")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
			.hasValueSatisfying((methods) -> assertThat(methods).contains("POST").doesNotContain("PATCH"));
	}

	@Test
	void refusesAPreflightFromAnotherOrigin() {
		HttpResponse<String> response = send(request("/api/v1/orders").method("OPTIONS", BodyPublishers.noBody())
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"code\":\"CORS_REJECTED\"");
	}

	@Test
	void exposesTheRateLimitHeadersToTheAllowedOrigin() {
		HttpResponse<String> response = send(
				request("/api/v1/orders/o-1", tokenWith("orders:read")).header("Origin", "http://127.0.0.1:3000"));

		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:3000");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
			.hasValueSatisfying((exposed) -> assertThat(exposed).contains("X-Request-ID", "Retry-After",
					"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Location"));
	}

	@Test
	void sendsSecurityHeadersOnRoutedAnswersAndOnErrors() {
		HttpResponse<String> routed = send(request("/api/v1/orders/o-1", tokenWith("orders:read")));
		HttpResponse<String> refused = send(request("/api/v1/orders/o-1"));

		for (HttpResponse<String> response : java.util.List.of(routed, refused)) {
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Strict-Transport-Security"))
				.hasValue("max-age=31536000; includeSubDomains");
			assertThat(response.headers().firstValue("Content-Security-Policy"))
				.hasValue("default-src 'none'; frame-ancestors 'none'");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
			assertThat(response.headers().firstValue("X-XSS-Protection")).hasValue("0");
		}
	}

	@Test
	void reportsHealthOpenlyAndRedisToAnOperator() {
		HttpResponse<String> open = send(request("/actuator/health"));
		HttpResponse<String> operator = send(request("/actuator/health", tokenWith("admin")));

		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(body(open)).containsEntry("status", "UP").doesNotContainKey("components");
		assertThat(body(operator)).extractingByKey("components")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.extractingByKey("redis")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("status", "UP");
	}

	@Test
	void countsRequestsByRouteAndRefusalsByRouteAndStatus() {
		send(request("/api/v1/products/SKU-9"));
		send(request("/api/v1/orders/o-1", tokenWith("orders:read")));

		HttpResponse<String> metrics = send(request("/actuator/prometheus", tokenWith("admin")));

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body())
			.containsPattern("orderflow_gateway_rejections_total\\{route=\"inventory-read\",status=\"401\"} [1-9]");
		assertThat(metrics.body())
			.containsPattern("spring_cloud_gateway_requests_seconds_count\\{.*routeId=\"orders-read\"");
	}

	@Test
	void showsTheRoutesToAnOperatorOnly() {
		assertThat(send(request("/actuator/gateway/routes")).statusCode()).isEqualTo(401);
		assertThat(send(request("/actuator/gateway/routes", tokenWith("orders:read"))).statusCode()).isEqualTo(403);

		HttpResponse<String> routes = send(request("/actuator/gateway/routes", tokenWith("admin")));

		assertThat(routes.statusCode()).isEqualTo(200);
		assertThat(routes.body()).contains("\"route_id\":\"orders-place\"", "lb://order-service");
	}

	private java.net.http.HttpRequest.Builder placeOrder(java.net.http.HttpRequest.BodyPublisher body) {
		return request("/api/v1/orders", tokenWith("orders:write")).header("Content-Type", "application/json")
			.POST(body);
	}

}
