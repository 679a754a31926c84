package io.orderflow.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderflow.testinfra.TestTokens;

/**
 * The auth-server as the gateway sees it, in the test JVM: the key set and the tokens are
 * test-infra's {@link TestTokens} (RS256, {@code iss}, {@code sub} = client id,
 * {@code scope} as a list), and a real HTTP server answers {@code /oauth2/token}, where
 * the gateway routes clients.
 */
final class AuthServer {

	private final HttpServer server;

	AuthServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/oauth2/token", (exchange) -> json(exchange,
				"{\"access_token\":\"" + token("demo-client", "orders:read") + "\",\"token_type\":\"Bearer\"}"));
		this.server.start();
	}

	/** Where the token endpoint is routed to. */
	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String issuer() {
		return TestTokens.ISSUER;
	}

	String jwkSetUri() {
		return TestTokens.jwkSetUri();
	}

	/** A valid token for 15 minutes. */
	String token(String client, String... scopes) {
		return TestTokens.token(client, scopes).jwt();
	}

	/** Expired well beyond the validator's 60 s clock skew. */
	String expiredToken(String client, String... scopes) {
		return TestTokens.token(client, scopes).expired().jwt();
	}

	/** Same key id, another key: the signature does not verify. */
	String forgedToken(String client, String... scopes) {
		return TestTokens.token(client, scopes).signedByAForeignKey().jwt();
	}

	String tokenFromAnotherIssuer(String client, String... scopes) {
		return TestTokens.token(client, scopes).issuedBy("http://issuer.invalid").jwt();
	}

	private static void json(HttpExchange exchange, String body) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}

}
