package io.orderflow.web.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.orderflow.testinfra.RealInfrastructure;
import io.orderflow.testinfra.TestTokens;
import io.orderflow.web.RequestIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.orderflow.testinfra.Infrastructure.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * A service behind the shared resource-server setup, called over HTTP with tokens from
 * {@link TestTokens}: who gets in, who is refused, and how the refusal reads.
 */
@SpringBootTest(classes = ResourceServerTests.TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=health,info,metrics")
@RealInfrastructure(TOKENS)
class ResourceServerTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void refusesARequestWithoutATokenWithAProblemAndTheBearerChallenge() throws Exception {
		HttpResponse<String> response = send(request("/things/cup").GET());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer")
				.doesNotContain("error=")
				.doesNotContain("resource_metadata")
				.doesNotContain("127.0.0.1"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("UNAUTHORIZED");
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("type").asString()).isEqualTo("urn:orderflow:problem:unauthorized");
		assertThat(problem.path("instance").asString()).isEqualTo("/things/cup");
		assertThat(problem.path("detail").asString()).contains("Authorization: Bearer");
		assertThat(problem.path("requestId").asString())
			.isEqualTo(response.headers().firstValue(RequestIds.HEADER).orElseThrow());
		assertThat(problem.has("traceId")).isTrue();
	}

	@Test
	void refusesExpiredForeignSignedMisissuedAndMalformedTokens() throws Exception {
		TestTokens.Token valid = TestTokens.token("demo-client", "things:read");
		Map<String, String> refused = Map.of("expired", valid.expired().bearer(), "signed by a foreign key",
				valid.signedByAForeignKey().bearer(), "from another issuer",
				valid.issuedBy("http://127.0.0.1:9000").bearer(), "malformed", "Bearer not-a-jwt");

		refused.forEach((why, token) -> {
			HttpResponse<String> response = send(request("/things/cup").header("Authorization", token).GET());
			assertThat(response.statusCode()).as(why).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).as(why).hasValue("application/problem+json");
			assertThat(response.headers().firstValue("WWW-Authenticate")).as(why)
				.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer")
					.contains("error=\"invalid_token\"")
					.doesNotContain("resource_metadata"));
			assertThat(json.readTree(response.body()).path("code").asString()).as(why).isEqualTo("UNAUTHORIZED");
		});
	}

	@Test
	void forbidsARequestWhoseTokenLacksTheScopeOfItsRule() throws Exception {
		HttpResponse<String> response = get("/things/cup", TestTokens.bearer("demo-client", "orders:read"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).contains("error=\"insufficient_scope\"")
				.doesNotContain("resource_metadata"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(problem.path("requestId").asString()).isNotBlank();
		assertThat(problem.has("traceId")).isTrue();
	}

	@Test
	void letsAScopedRequestThroughAndTellsTheControllerWhoCalls() throws Exception {
		HttpResponse<String> response = get("/things/cup", TestTokens.bearer("demo-client", "things:read", "search"));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode caller = json.readTree(response.body());
		assertThat(caller.path("client").asString()).isEqualTo("demo-client");
		assertThat(caller.path("scopes").valueStream().map(JsonNode::asString)).containsExactly("search",
				"things:read");
		assertThat(caller.path("admin").asBoolean()).isFalse();
	}

	@Test
	void appliesTheFirstRuleThatMatchesSoANarrowerOneCannotBeBypassed() throws Exception {
		HttpResponse<String> reader = get("/things/secret/plan", TestTokens.bearer("demo-client", "things:read"));
		HttpResponse<String> operator = get("/things/secret/plan", TestTokens.bearer("ops-client", "admin"));

		assertThat(reader.statusCode()).isEqualTo(403);
		assertThat(operator.statusCode()).isEqualTo(200);
		assertThat(json.readTree(operator.body()).path("admin").asBoolean()).isTrue();
	}

	@Test
	void matchesRulesByMethod() throws Exception {
		String reader = TestTokens.bearer("demo-client", "things:read");

		HttpResponse<String> post = send(
				request("/things").header("Authorization", reader).POST(HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> written = send(
				request("/things").header("Authorization", TestTokens.bearer("demo-client", "things:write"))
					.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(post.statusCode()).isEqualTo(403);
		assertThat(written.statusCode()).isEqualTo(200);
	}

	@Test
	void letsAnyValidTokenThroughWhereNoRuleMatches() throws Exception {
		assertThat(get("/whoami", TestTokens.bearer("demo-client")).body()).isEqualTo("demo-client");
		assertThat(send(request("/whoami").GET()).statusCode()).isEqualTo(401);
		assertThat(json.readTree(get("/nowhere", TestTokens.bearer("demo-client")).body()).path("code").asString())
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void keepsHealthAndInfoOpenAndTheOtherActuatorEndpointsClosed() throws Exception {
		for (String open : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/info")) {
			assertThat(send(request(open).GET()).statusCode()).as(open).isEqualTo(200);
		}
		assertThat(send(request("/actuator/metrics").GET()).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/metrics", TestTokens.bearer("ops-client", "admin")).statusCode()).isEqualTo(200);
	}

	@Test
	void keepsNoSession() throws Exception {
		HttpResponse<String> response = get("/things/cup", TestTokens.bearer("demo-client", "things:read"));

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	private HttpResponse<String> get(String path, String authorization) {
		return send(request(path).header("Authorization", authorization).GET());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		@Bean
		ApiAccess apiAccess() {
			return ApiAccess.rules()
				.require(GET, "/things/secret/**", "admin")
				.require(GET, "/things/**", "things:read")
				.require(POST, "/things", "things:write");
		}

		@GetMapping({ "/things/{name}", "/things/secret/{name}" })
		Map<String, Object> thing(@PathVariable String name, CurrentClient client) {
			return Map.of("name", name, "client", client.id(), "scopes", new TreeSet<>(client.scopes()), "admin",
					client.isAdmin());
		}

		@PostMapping("/things")
		String create(CurrentClient client) {
			return client.id();
		}

		@GetMapping("/whoami")
		String whoAmI(CurrentClient client) {
			return client.id();
		}

	}

}
