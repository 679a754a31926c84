package io.orderflow.gateway;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens and scopes: who gets through to which service. */
class AccessIT extends GatewayTestContext {

	@Test
	void refusesARequestWithoutATokenWith401() {
		HttpResponse<String> response = send(request("/api/v1/orders/o-1"));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		Map<String, Object> problem = problem(response);
		assertThat(problem).containsEntry("code", "UNAUTHORIZED")
			.containsEntry("type", "urn:orderflow:problem:unauthorized")
			.containsEntry("instance", "/api/v1/orders/o-1");
		assertThat(problem.get("detail").toString()).contains("bearer token");
	}

	@Test
	void refusesATokenWithABadSignatureWith401() {
		assertInvalidToken(auth.forgedToken("mallory", "orders:read"));
	}

	@Test
	void refusesAnExpiredTokenWith401() {
		HttpResponse<String> response = assertInvalidToken(auth.expiredToken("late-client", "orders:read"));

		assertThat(problem(response).get("detail").toString()).contains("expired");
	}

	@Test
	void refusesATokenFromAnotherIssuerWith401() {
		assertInvalidToken(auth.tokenFromAnotherIssuer("stranger", "orders:read"));
	}

	@Test
	void refusesATokenWithoutTheScopeWith403NamingIt() {
		HttpResponse<String> response = send(
				request("/api/v1/orders", tokenWith("orders:read")).header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString("{}")));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"insufficient_scope\""));
		Map<String, Object> problem = problem(response);
		assertThat(problem).containsEntry("code", "FORBIDDEN");
		assertThat(problem.get("detail").toString()).contains("orders:write");
		assertThat(orders.received()).noneMatch((received) -> received.requestId().equals(problem.get("requestId")));
	}

	@ParameterizedTest(name = "{0} {1} with scope {2}: {3}")
	@CsvSource({ "GET, /api/v1/orders/o-1, orders:read, 200", "GET, /api/v1/orders?customerId=c-1, orders:read, 200",
			"GET, /api/v1/orders/o-1, orders:write, 403", "POST, /api/v1/orders, orders:write, 202",
			"POST, /api/v1/orders/o-1/saga/resume, orders:write, 403",
			"POST, /api/v1/orders/o-1/saga/resume, admin, 202",
			"GET, /api/v1/admin/orders/dead-letters, orders:read, 403",
			"GET, /api/v1/admin/orders/dead-letters, admin, 200", "GET, /api/v1/notifications, notifications, 200",
			"GET, /api/v1/notifications, orders:read, 403", "GET, /api/v1/payments, orders:read, 403",
			"GET, /api/v1/search/orders?q=x, orders:read, 403", "POST, /api/v1/search/reindex, search, 403",
			"GET, /api/v1/search/reindex/r-1, search, 403", "POST, /api/v1/products, products:read, 403",
			"GET, /actuator/metrics, orders:read, 403" })
	void letsThroughOnlyTheScopeEachRouteNeeds(String method, String path, String scope, int expected) {
		HttpResponse<String> response = send(request(path, tokenWith(scope)).header("Content-Type", "application/json")
			.method(method, method.equals("GET") ? BodyPublishers.noBody() : BodyPublishers.ofString("{}")));

		assertThat(response.statusCode()).isEqualTo(expected);
	}

	@Test
	void routesTheTokenEndpointWithoutABearerToken() {
		HttpResponse<String> response = send(
				request("/oauth2/token").header("Authorization", "Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(BodyPublishers.ofString("grant_type=client_credentials")));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response)).containsKey("access_token");
	}

	private HttpResponse<String> assertInvalidToken(String token) {
		HttpResponse<String> response = send(request("/api/v1/orders/o-1", token));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
		assertThat(problem(response)).containsEntry("code", "UNAUTHORIZED");
		return response;
	}

}
