package io.orderflow.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;

import io.orderflow.testinfra.RealInfrastructure;
import io.orderflow.testinfra.TestTokens;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static io.orderflow.testinfra.Infrastructure.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "orderflow.web.max-request-size=1KB")
@RealInfrastructure(TOKENS)
class ProblemDetailsTests {

	private static final String TOKEN = TestTokens.bearer("demo-client");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void rendersAnApiProblemWithItsCodeAndExtraProperties() throws Exception {
		HttpResponse<String> response = get("/things/missing");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:orderflow:problem:thing-not-found");
		assertThat(problem.path("title").asString()).isEqualTo("Not Found");
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("detail").asString()).isEqualTo("No thing missing");
		assertThat(problem.path("instance").asString()).isEqualTo("/things/missing");
		assertThat(problem.path("code").asString()).isEqualTo("THING_NOT_FOUND");
		assertThat(problem.path("thing").asString()).isEqualTo("missing");
		assertThat(problem.path("requestId").asString())
			.isEqualTo(response.headers().firstValue(RequestIds.HEADER).orElseThrow());
		assertThat(problem.has("traceId")).isTrue();
	}

	@Test
	void echoesTheCallersRequestIdAndReplacesAnUnsafeOne() throws Exception {
		HttpResponse<String> given = send(request("/things/missing").header(RequestIds.HEADER, "req-42").GET());
		HttpResponse<String> unsafe = send(request("/things/missing").header(RequestIds.HEADER, "a b\tc").GET());

		assertThat(given.headers().firstValue(RequestIds.HEADER)).hasValue("req-42");
		assertThat(json.readTree(given.body()).path("requestId").asString()).isEqualTo("req-42");
		assertThat(unsafe.headers().firstValue(RequestIds.HEADER).orElseThrow()).hasSize(36);
	}

	@Test
	void listsEveryInvalidFieldOfABody() throws Exception {
		HttpResponse<String> response = post("/things", """
				{"name":"","items":[{"quantity":0},{"quantity":5000}],"unknown":"tolerated"}""");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"items[0].quantity", "items[1].quantity");
		assertThat(problem.path("errors").findValuesAsString("message"))
			.allSatisfy((message) -> assertThat(message).isNotBlank());
	}

	@Test
	void namesTheFieldOfAValueWithTheWrongType() throws Exception {
		HttpResponse<String> response = post("/things", """
				{"name":"x","items":[{"quantity":"many"}]}""");

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("items[0].quantity");
	}

	@Test
	void refusesMalformedJson() throws Exception {
		HttpResponse<String> response = post("/things", "{\"name\": ");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("MALFORMED_JSON");
	}

	@Test
	void refusesAMissingHeaderAndAParameterOfTheWrongType() throws Exception {
		assertThat(code(get("/headers"))).isEqualTo("400 MISSING_HEADER");
		assertThat(code(get("/numbers/abc"))).isEqualTo("400 INVALID_PARAMETER");
	}

	@Test
	void answersUnknownRoutesAndMethodsWithProblems() throws Exception {
		assertThat(code(get("/nowhere"))).isEqualTo("404 NOT_FOUND");
		assertThat(code(send(request("/things").DELETE()))).isEqualTo("405 METHOD_NOT_ALLOWED");
		assertThat(
				code(send(request("/things").header("Content-Type", "text/plain").POST(BodyPublishers.ofString("x")))))
			.isEqualTo("415 UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void refusesABodyOverTheLimitByItsLength() throws Exception {
		HttpResponse<String> response = post("/things", "{\"name\":\"" + "x".repeat(2000) + "\"}");

		assertThat(code(response)).isEqualTo("413 PAYLOAD_TOO_LARGE");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).path("instance").asString()).isEqualTo("/things");
		assertThat(json.readTree(response.body()).path("requestId").asString()).isNotBlank();
	}

	@Test
	void refusesAChunkedBodyOverTheLimitWhileReadingIt() throws Exception {
		byte[] body = ("{\"name\":\"" + "x".repeat(2000) + "\"}").getBytes();
		BodyPublisher chunked = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));

		HttpResponse<String> response = send(
				request("/things").header("Content-Type", "application/json").POST(chunked));

		assertThat(code(response)).isEqualTo("413 PAYLOAD_TOO_LARGE");
	}

	@Test
	void saysNothingAboutTheCauseOfAnUnexpectedFailure() throws Exception {
		HttpResponse<String> response = get("/failures");

		assertThat(code(response)).isEqualTo("500 INTERNAL_ERROR");
		assertThat(response.body()).doesNotContain("secret").doesNotContain("Exception").doesNotContain("at io.");
	}

	private String code(HttpResponse<String> response) throws IOException {
		return response.statusCode() + " " + json.readTree(response.body()).path("code").asString();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(request(path).GET());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", TOKEN);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	@SpringBootApplication
	@RestController
	static class TestApplication {

		@GetMapping("/things/{name}")
		String thing(@PathVariable String name) {
			throw ApiProblem.notFound("THING_NOT_FOUND", "No thing " + name).with("thing", name);
		}

		@PostMapping("/things")
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/headers")
		String header(@RequestHeader("Idempotency-Key") String key) {
			return key;
		}

		@GetMapping("/numbers/{number}")
		int number(@PathVariable int number) {
			return number;
		}

		@GetMapping("/failures")
		String failure(@Value("${missing:secret}") String secret) {
			throw new IllegalStateException("the " + secret + " leaked");
		}

	}

	record Thing(@NotBlank String name, @Valid List<Item> items) {
	}

	record Item(@Min(1) @Max(1000) int quantity) {
	}

}
