package io.orderflow.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// No registry in this test: the token endpoint is called directly.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
class AuthServerApplicationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void keyFileInATemporaryDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path directory = Files.createTempDirectory("auth-server-tests");
		directory.toFile().deleteOnExit();
		Path keyFile = directory.resolve("signing-key.json");
		keyFile.toFile().deleteOnExit();
		registry.add("orderflow.auth.key-file", keyFile::toString);
	}

	@Test
	void reportsItselfUpOnTheHealthEndpoint() throws Exception {
		HttpResponse<String> health = get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void issuesAFifteenMinuteRs256TokenWithTheClientsScopes() throws Exception {
		HttpResponse<String> response = token("demo-client", "demo-secret", null);

		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = JSONObjectUtils.parse(response.body());
		assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 899L);
		SignedJWT jwt = SignedJWT.parse((String) body.get("access_token"));
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		JWTClaimsSet claims = jwt.getJWTClaimsSet();
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);
		assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:9000");
		assertThat(claims.getSubject()).isEqualTo("demo-client");
		assertThat(claims.getStringListClaim("scope")).containsExactlyInAnyOrder("orders:read", "orders:write",
				"products:read", "search", "notifications");
	}

	@Test
	void grantsOnlyTheRequestedScopes() throws Exception {
		HttpResponse<String> response = token("ops-client", "ops-secret", "admin");

		assertThat(response.statusCode()).isEqualTo(200);
		SignedJWT jwt = SignedJWT.parse((String) JSONObjectUtils.parse(response.body()).get("access_token"));
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope")).containsExactly("admin");
	}

	@Test
	void signsTokensWithAKeyPublishedOnTheJwksEndpoint() throws Exception {
		SignedJWT jwt = SignedJWT.parse(
				(String) JSONObjectUtils.parse(token("demo-client", "demo-secret", null).body()).get("access_token"));

		HttpResponse<String> jwks = get("/oauth2/jwks");

		assertThat(jwks.statusCode()).isEqualTo(200);
		JWKSet keys = JWKSet.parse(jwks.body());
		RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key).isNotNull();
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
	}

	@Test
	void rejectsAWrongSecret() throws Exception {
		HttpResponse<String> response = token("demo-client", "not-the-secret", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void rejectsAnUnknownClient() throws Exception {
		HttpResponse<String> response = token("stranger", "demo-secret", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void refusesAScopeTheClientIsNotRegisteredFor() throws Exception {
		HttpResponse<String> response = token("demo-client", "demo-secret", "orders:read admin");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_scope");
	}

	@Test
	void refusesEverythingButTheOAuthAndHealthEndpoints() throws Exception {
		assertThat(get("/actuator/env").statusCode()).isIn(401, 403);
		assertThat(get("/anything").statusCode()).isIn(401, 403);
	}

	private HttpResponse<String> token(String clientId, String secret, String scope) throws Exception {
		String form = "grant_type=client_credentials"
				+ ((scope != null) ? "&scope=" + java.net.URLEncoder.encode(scope, StandardCharsets.UTF_8) : "");
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
