package io.orderflow.provider;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider as payment-service will see it: plain HTTP and JSON, parsed by a mapper of
 * the client's own, not the simulator's. Also the object mother of request bodies.
 */
final class ProviderClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	ProviderClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	static String aKey() {
		return "key-" + UUID.randomUUID();
	}

	static String anOrderId() {
		return "order-" + UUID.randomUUID();
	}

	/** 44.99 EUR for {@code orderId}, paid with {@code token}. */
	static Map<String, Object> aCharge(String token, String orderId) {
		return Map.of("amount", new BigDecimal("44.99"), "currency", "EUR", "source", token, "orderId", orderId,
				"customerId", "customer-1");
	}

	Answer charge(String key, Map<String, Object> body) {
		return post("/v1/charges", key, body);
	}

	Answer refund(String key, Map<String, Object> body) {
		return post("/v1/refunds", key, body);
	}

	/** {@code key} null sends no {@code Idempotency-Key} header. */
	Answer post(String path, String key, Map<String, Object> body) {
		return post(path, key, this.json.writeValueAsString(body));
	}

	/** {@code body} sent as it is, JSON or not. */
	Answer post(String path, String key, String body) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header(IdempotencyKey.HEADER, key);
		}
		return send(request.build());
	}

	Answer get(String path) {
		return send(request(path).GET().build());
	}

	Answer delete(String path) {
		return send(request(path).DELETE().build());
	}

	/** The number of charges (succeeded or declined) the provider holds for an order. */
	int chargesOf(String orderId) {
		return get("/v1/charges?orderId=" + orderId).body().get("data").size();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.base + path)).timeout(Duration.ofSeconds(20));
	}

	private Answer send(HttpRequest request) {
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			JsonNode body = response.body().isEmpty() ? this.json.missingNode() : this.json.readTree(response.body());
			return new Answer(response.statusCode(), body, took);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: its status, its JSON body and how long it took to arrive. */
	record Answer(int status, JsonNode body, Duration took) {

		String id() {
			return this.body.get("id").asString();
		}

		JsonNode error() {
			return this.body.get("error");
		}

	}

}
