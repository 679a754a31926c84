package io.orderflow.testinfra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Access tokens for tests, without the auth-server: a service must not need another
 * service to be tested. They look like the auth-server's (RS256, {@code sub} = client id,
 * {@code scope} = JSON array, 15 minutes), signed with one RSA key per JVM whose public
 * half is served as a JWK set by a small HTTP server on 127.0.0.1.
 *
 * <pre class="code">
 * request.header("Authorization", TestTokens.bearer("demo-client", "orders:read", "orders:write"));
 * request.header("Authorization", TestTokens.token("demo-client", "orders:read").expired().bearer());
 * </pre>
 *
 * A Spring Boot test with {@code @RealInfrastructure(TOKENS)} has
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and {@code issuer-uri}
 * pointing here ({@link #jwkSetUri()}, {@link #ISSUER}).
 * <p>
 * The same server answers the client-credentials grant at {@link #tokenUri()}, so a
 * service's own OAuth2 client runs for real in its tests: any client id (from HTTP Basic
 * or the form) and any secret get a valid token with the scopes they ask for.
 */
public final class TestTokens {

	/**
	 * The {@code iss} of every token minted here, unless {@link Token#issuedBy(String)}
	 * says otherwise. Never fetched: resource servers find the keys at
	 * {@link #jwkSetUri()}.
	 */
	public static final String ISSUER = "https://issuer.orderflow.test";

	/** As long as the auth-server's tokens live. */
	static final Duration LIFETIME = Duration.ofMinutes(15);

	private TestTokens() {
	}

	/**
	 * {@code Bearer <jwt>} for {@code clientId} with {@code scopes}: the value of an
	 * {@code Authorization} header.
	 */
	public static String bearer(String clientId, String... scopes) {
		return token(clientId, scopes).bearer();
	}

	/**
	 * A valid token for {@code clientId} with {@code scopes}, to be spoiled for a
	 * negative test ({@link Token#expired()}, {@link Token#signedByAForeignKey()},
	 * {@link Token#issuedBy(String)}).
	 */
	public static Token token(String clientId, String... scopes) {
		return new Token(clientId, List.of(scopes), ISSUER, false, false);
	}

	/**
	 * Where the public key is served, {@code http://127.0.0.1:<port>/oauth2/jwks}; starts
	 * the server on first use.
	 */
	public static String jwkSetUri() {
		return Keys.INSTANCE.jwkSetUri;
	}

	/**
	 * The client-credentials token endpoint, {@code http://127.0.0.1:<port>/oauth2/token}
	 * (the same server as {@link #jwkSetUri()}).
	 */
	public static String tokenUri() {
		return jwkSetUri().replace("/oauth2/jwks", "/oauth2/token");
	}

	/**
	 * A token about to be minted: valid unless spoiled by one of its methods.
	 */
	public static final class Token {

		private final String clientId;

		private final List<String> scopes;

		private final String issuer;

		private final boolean expired;

		private final boolean foreign;

		private Token(String clientId, List<String> scopes, String issuer, boolean expired, boolean foreign) {
			this.clientId = Objects.requireNonNull(clientId, "clientId");
			this.scopes = List.copyOf(scopes);
			this.issuer = Objects.requireNonNull(issuer, "issuer");
			this.expired = expired;
			this.foreign = foreign;
		}

		/** The same token, expired ten minutes ago (well past any allowed clock skew). */
		public Token expired() {
			return new Token(this.clientId, this.scopes, this.issuer, true, this.foreign);
		}

		/**
		 * The same token, signed by a key the JWK set does not hold, under the served
		 * key's id: only the signature check can refuse it.
		 */
		public Token signedByAForeignKey() {
			return new Token(this.clientId, this.scopes, this.issuer, this.expired, true);
		}

		/** The same token from another issuer. */
		public Token issuedBy(String issuer) {
			return new Token(this.clientId, this.scopes, issuer, this.expired, this.foreign);
		}

		/** The signed, serialized JWT. */
		public String jwt() {
			return Keys.INSTANCE.sign(this);
		}

		/** {@code Bearer <jwt>}. */
		public String bearer() {
			return "Bearer " + jwt();
		}

	}

	/**
	 * The key pair, the foreign key and the JWK set server, made once per JVM on first
	 * use (the holder idiom: no lock after that).
	 */
	private static final class Keys {

		static final Keys INSTANCE = new Keys();

		private final RSAKey key;

		private final RSAKey foreignKey;

		private final String jwkSetUri;

		private Keys() {
			String keyId = "test-" + UUID.randomUUID();
			this.key = generate(keyId);
			this.foreignKey = generate(keyId);
			this.jwkSetUri = serve(new JWKSet(this.key.toPublicJWK()).toString());
		}

		String sign(Token token) {
			Instant issuedAt = token.expired ? Instant.now().minus(LIFETIME).minus(Duration.ofMinutes(10))
					: Instant.now();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(token.issuer)
				.subject(token.clientId)
				.audience(token.clientId)
				.claim("scope", token.scopes)
				.issueTime(Date.from(issuedAt))
				.notBeforeTime(Date.from(issuedAt))
				.expirationTime(Date.from(issuedAt.plus(LIFETIME)))
				.jwtID(UUID.randomUUID().toString())
				.build();
			RSAKey signingKey = token.foreign ? this.foreignKey : this.key;
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
				.type(JOSEObjectType.JWT)
				.build(), claims);
			try {
				jwt.sign(new RSASSASigner(signingKey));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Cannot sign a test token", ex);
			}
			return jwt.serialize();
		}

		private static RSAKey generate(String keyId) {
			try {
				return new RSAKeyGenerator(2048).keyID(keyId)
					.keyUse(KeyUse.SIGNATURE)
					.algorithm(JWSAlgorithm.RS256)
					.generate();
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("Cannot generate the test signing key", ex);
			}
		}

		/**
		 * Serves {@code jwks} at the auth-server's path on a free loopback port, for the
		 * rest of the JVM's life.
		 */
		private static String serve(String jwks) {
			byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
			HttpServer server;
			try {
				server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot serve the test JWK set", ex);
			}
			server.createContext("/oauth2/jwks", (exchange) -> respond(exchange, 200, body));
			server.createContext("/oauth2/token", Keys::issue);
			// The server's dispatcher thread inherits the daemon flag of the thread that
			// starts it: a daemon, so the server never keeps a finished test JVM alive.
			Thread starter = Thread.ofPlatform().daemon().name("test-tokens-jwks").start(server::start);
			try {
				starter.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting the JWK set server", ex);
			}
			return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
					+ "/oauth2/jwks";
		}

		/**
		 * The client-credentials grant as the auth-server answers it: a bearer token for
		 * the client with the scopes asked for.
		 */
		private static void issue(HttpExchange exchange) throws IOException {
			Map<String, String> form = form(
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			String clientId = form.get("client_id");
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization != null && authorization.startsWith("Basic ")) {
				String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				clientId = URLDecoder.decode(credentials.substring(0, credentials.indexOf(':')),
						StandardCharsets.UTF_8);
			}
			if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))
					|| clientId == null || clientId.isBlank()) {
				respond(exchange, 400, "{\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
				return;
			}
			String scope = form.getOrDefault("scope", "").trim();
			String[] scopes = scope.isEmpty() ? new String[0] : scope.split("\\s+");
			String jwt = token(clientId, scopes).jwt();
			String json = "{\"access_token\":\"" + jwt + "\",\"token_type\":\"Bearer\",\"expires_in\":"
					+ LIFETIME.toSeconds() + ",\"scope\":\"" + String.join(" ", Arrays.asList(scopes)) + "\"}";
			respond(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
		}

		private static Map<String, String> form(String body) {
			Map<String, String> form = new HashMap<>();
			for (String pair : body.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
			return form;
		}

		private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
			try (exchange) {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}

	}

}
