package io.orderflow.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The auth-server as the gateway sees it, in the test JVM: a real HTTP server publishing
 * the public half of an RSA key at {@code /oauth2/jwks} (where the gateway validates
 * tokens) and answering {@code /oauth2/token} (where the gateway routes clients), and the
 * tokens it would issue: RS256, {@code iss}, {@code sub} = client id, {@code scope} as a
 * list.
 */
final class AuthServer {

	private final RSAKey key = generateKey();

	private final RSAKey otherKey = generateKey();

	private final HttpServer server;

	AuthServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/oauth2/jwks",
				(exchange) -> json(exchange, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/oauth2/token", (exchange) -> json(exchange,
				"{\"access_token\":\"" + token("demo-client", "orders:read") + "\",\"token_type\":\"Bearer\"}"));
		this.server.start();
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String issuer() {
		return uri();
	}

	String jwkSetUri() {
		return uri() + "/oauth2/jwks";
	}

	/** A valid token for 15 minutes. */
	String token(String client, String... scopes) {
		return sign(this.key, claims(client, issuer(), Instant.now().plus(Duration.ofMinutes(15)), scopes));
	}

	/** Expired five minutes ago: beyond the validator's 60 s clock skew. */
	String expiredToken(String client, String... scopes) {
		return sign(this.key, claims(client, issuer(), Instant.now().minus(Duration.ofMinutes(5)), scopes));
	}

	/** Same key id, another key: the signature does not verify. */
	String forgedToken(String client, String... scopes) {
		return sign(this.otherKey, claims(client, issuer(), Instant.now().plus(Duration.ofMinutes(15)), scopes));
	}

	String tokenFromAnotherIssuer(String client, String... scopes) {
		return sign(this.key,
				claims(client, "http://issuer.invalid", Instant.now().plus(Duration.ofMinutes(15)), scopes));
	}

	private static JWTClaimsSet claims(String client, String issuer, Instant expiresAt, String... scopes) {
		return new JWTClaimsSet.Builder().issuer(issuer)
			.subject(client)
			.claim("scope", List.of(scopes))
			.issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
			.expirationTime(Date.from(expiresAt))
			.build();
	}

	private String sign(RSAKey signer, JWTClaimsSet claims) {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(signer));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static RSAKey generateKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("test-key").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
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
