package io.orderflow.testinfra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The tokens as a resource server sees them: decoded the way Spring Boot does with both
 * {@code jwk-set-uri} and {@code issuer-uri} set (key set from the URI, default
 * validators plus the issuer).
 */
class TestTokensTests {

	private final NimbusJwtDecoder decoder = decoder();

	@Test
	void mintsATokenLikeTheAuthServersThatTheServedKeySetVerifies() {
		Jwt jwt = this.decoder.decode(TestTokens.token("demo-client", "orders:read", "orders:write").jwt());

		assertThat(jwt.getSubject()).isEqualTo("demo-client");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("orders:read", "orders:write");
		assertThat(jwt.getIssuer()).hasToString(TestTokens.ISSUER);
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
		assertThat(jwt.getExpiresAt()).isAfter(Instant.now());
	}

	@Test
	void writesTheBearerHeaderValue() {
		assertThat(TestTokens.bearer("ops-client", "admin")).startsWith("Bearer ey");
	}

	@Test
	void mintsAnExpiredTokenThatFailsValidationOnly() {
		String expired = TestTokens.token("demo-client", "orders:read").expired().jwt();

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(expired))
			.withMessageContaining("expired");
	}

	@Test
	void mintsATokenSignedByAForeignKeyUnderTheServedKeysId() throws Exception {
		String foreign = TestTokens.token("demo-client", "orders:read").signedByAForeignKey().jwt();
		String servedKeyId = JWKSet.parse(fetch(TestTokens.jwkSetUri())).getKeys().getFirst().getKeyID();

		assertThat(com.nimbusds.jwt.SignedJWT.parse(foreign).getHeader().getKeyID()).isEqualTo(servedKeyId);
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(foreign));
	}

	@Test
	void mintsATokenFromAnotherIssuerThatFailsTheIssuerCheck() {
		String elsewhere = TestTokens.token("demo-client", "orders:read").issuedBy("http://127.0.0.1:9000").jwt();

		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(elsewhere))
			.withMessageContaining("iss");
	}

	@Test
	void servesOnlyThePublicHalfOfTheKeyOnLoopback() throws Exception {
		JWKSet served = JWKSet.parse(fetch(TestTokens.jwkSetUri()));

		assertThat(TestTokens.jwkSetUri()).startsWith("http://127.0.0.1:").endsWith("/oauth2/jwks");
		assertThat(served.getKeys()).singleElement().satisfies((key) -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
		});
	}

	@Test
	void issuesATokenForTheClientCredentialsGrant() throws Exception {
		String basic = java.util.Base64.getEncoder()
			.encodeToString("search-service:any-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> response;
		try (HttpClient http = HttpClient.newHttpClient()) {
			response = http.send(HttpRequest.newBuilder(URI.create(TestTokens.tokenUri()))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=orders%3Aread+admin"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		assertThat(response.statusCode()).isEqualTo(200);
		String accessToken = response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		Jwt jwt = this.decoder.decode(accessToken);
		assertThat(jwt.getSubject()).isEqualTo("search-service");
		assertThat(jwt.getClaimAsStringList("scope")).containsExactly("orders:read", "admin");
		assertThat(response.body()).contains("\"token_type\":\"Bearer\"");
	}

	private static NimbusJwtDecoder decoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(TestTokens.jwkSetUri()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokens.ISSUER));
		return decoder;
	}

	private static String fetch(String uri) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
	}

}
