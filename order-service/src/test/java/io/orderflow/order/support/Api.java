package io.orderflow.order.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;
import io.orderflow.testinfra.TestTokens;

/**
 * The orders API over real HTTP, as a client calls it: by default the demo client with
 * the scopes the auth-server gives it for orders, with a fresh token on every request.
 */
public final class Api {

	/** The client {@link #Api(int)} calls as. */
	public static final String CLIENT = "demo-client";

	private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	/** The {@code Authorization} header of each request, or null for none. */
	private final Supplier<String> authorization;

	public Api(int port) {
		this("http://127.0.0.1:" + port, () -> TestTokens.bearer(CLIENT, "orders:read", "orders:write"));
	}

	private Api(String base, Supplier<String> authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	/** The same API called by another client with the scopes of the demo client. */
	public Api as(String clientId) {
		return new Api(this.base, () -> TestTokens.bearer(clientId, "orders:read", "orders:write"));
	}

	/** The same API called by the operators' client (scope {@code admin}). */
	public Api asOperator() {
		return new Api(this.base, () -> TestTokens.bearer("ops-client", "orders:read", "orders:write", "admin"));
	}

	/**
	 * The same API called with this {@code Authorization} header, or without one when
	 * null.
	 */
	public Api withAuthorization(String authorization) {
		return new Api(this.base, () -> authorization);
	}

	/** A placement with a JSON body and, unless null, an idempotency key. */
	public HttpResponse<String> place(String idempotencyKey, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request);
	}

	/** Places an order that must be accepted and returns its id. */
	public String placeOrder(String idempotencyKey, String body) {
		HttpResponse<String> response = place(idempotencyKey, body);
		if (response.statusCode() != 202) {
			throw new AssertionError("Placement answered " + response.statusCode() + ": " + response.body());
		}
		return JsonPath.read(response.body(), "$.orderId");
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	public HttpResponse<String> post(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** The order's current JSON; it must exist. */
	public String order(String orderId) {
		HttpResponse<String> response = get("/api/v1/orders/" + orderId);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET order answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	public String saga(String orderId) {
		HttpResponse<String> response = get("/api/v1/orders/" + orderId + "/saga");
		if (response.statusCode() != 200) {
			throw new AssertionError("GET saga answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** A placement body: {@code customerId}, one item per {@code skuAndQuantity} pair. */
	public static String orderBody(String customerId, String token, Object... skuAndQuantity) {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < skuAndQuantity.length; i += 2) {
			items.append(items.isEmpty() ? "" : ",")
				.append("{\"sku\":\"")
				.append(skuAndQuantity[i])
				.append("\",\"quantity\":")
				.append(skuAndQuantity[i + 1])
				.append('}');
		}
		return "{\"customerId\":\"" + customerId + "\",\"items\":[" + items + "],\"payment\":{\"token\":\"" + token
				+ "\"}}";
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		String authorization = this.authorization.get();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
