package io.orderflow.inventory.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Supplier;

import io.orderflow.testinfra.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's HTTP API as a client calls it: plain requests, JSON answers. By default
 * as an operator, who may read and change the catalogue and read reservations, with a
 * fresh token on every request.
 */
public final class Api {

	/** The scopes the auth-server gives the demo client. */
	public static final String[] DEMO_CLIENT_SCOPES = { "orders:read", "orders:write", "products:read", "search",
			"notifications" };

	private static final JsonMapper json = JsonMapper.shared();

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	/** The {@code Authorization} header of each request, or null for none. */
	private final Supplier<String> authorization;

	public Api(int port) {
		this("http://127.0.0.1:" + port, () -> TestTokens.bearer("ops-client", "products:read", "admin"));
	}

	private Api(String base, Supplier<String> authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	/**
	 * The same API called by the demo client, with the scopes the auth-server gives it.
	 */
	public Api asDemoClient() {
		return new Api(this.base, () -> TestTokens.bearer("demo-client", DEMO_CLIENT_SCOPES));
	}

	/**
	 * The same API called with this {@code Authorization} header, or without one when
	 * null.
	 */
	public Api withAuthorization(String authorization) {
		return new Api(this.base, () -> authorization);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response post(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response put(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private URI uri(String path) {
		return URI.create(this.base + path);
	}

	private Response send(HttpRequest.Builder request) {
		String authorization = this.authorization.get();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Location"), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String contentType, Optional<String> location, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

	}

}
