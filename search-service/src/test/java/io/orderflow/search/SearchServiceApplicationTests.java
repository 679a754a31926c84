package io.orderflow.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts on real infrastructure, reports its health (the engine's checked
 * with {@code /_cluster/health}, which Elasticsearch and OpenSearch both answer) and lets
 * through only the tokens and scopes each endpoint needs.
 */
@SearchIT
class SearchServiceApplicationTests {

	private static final String SEARCH = "/api/v1/search/orders?q=cup";

	@LocalServerPort
	int port;

	@Test
	void reportsItselfUpOnTheHealthEndpointWithoutAToken() throws Exception {
		HttpResponse<String> health = send("GET", "/actuator/health", null);

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void refusesSearchesWithoutAValidToken() throws Exception {
		for (String authorization : new String[] { null, TestTokens.token("demo-client", "search").expired().bearer(),
				TestTokens.token("demo-client", "search").signedByAForeignKey().bearer() }) {
			HttpResponse<String> response = send("GET", SEARCH, authorization);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
		}
	}

	@Test
	void letsATokenWithTheSearchScopeReadButNotChangeTheProjection() throws Exception {
		String demoClient = TestTokens.bearer("demo-client", "orders:read", "search");

		HttpResponse<String> withoutScope = send("GET", SEARCH, TestTokens.bearer("demo-client", "orders:read"));
		HttpResponse<String> read = send("GET", SEARCH, demoClient);
		HttpResponse<String> reindex = send("POST", "/api/v1/search/reindex", demoClient);
		HttpResponse<String> operatorsReindex = send("POST", "/api/v1/search/reindex",
				TestTokens.bearer("ops-client", "search", "admin"));

		assertThat(withoutScope.statusCode()).isEqualTo(403);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"items\":[").contains("\"facets\":{");
		assertThat(reindex.statusCode()).isEqualTo(403);
		assertThat(reindex.body()).contains("\"code\":\"FORBIDDEN\"");
		assertThat(operatorsReindex.statusCode()).isEqualTo(202);
		String status = operatorsReindex.headers().firstValue("Location").orElseThrow();
		assertThat(status).startsWith("/api/v1/search/reindex/");
		assertThat(send("GET", status, demoClient).statusCode()).as("a reindex is operators' business").isEqualTo(403);
		assertThat(send("GET", status, TestTokens.bearer("ops-client", "search", "admin")).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
