package io.orderflow.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.orderflow.testinfra.RealInfrastructure;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.testinfra.Infrastructure.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure(TOKENS)
class NotificationServiceApplicationTests {

	private static final String NOTIFICATIONS = "/api/v1/notifications?customerId=c-1";

	@LocalServerPort
	int port;

	@Test
	void reportsItselfUpOnTheHealthEndpointWithoutAToken() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void refusesNotificationsWithoutAValidToken() throws Exception {
		for (String authorization : new String[] { null,
				TestTokens.token("demo-client", "notifications").expired().bearer(),
				TestTokens.token("demo-client", "notifications").signedByAForeignKey().bearer() }) {
			HttpResponse<String> response = get(NOTIFICATIONS, authorization);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
		}
	}

	@Test
	void letsOnlyATokenWithTheNotificationsScopeThrough() throws Exception {
		HttpResponse<String> withoutScope = get(NOTIFICATIONS, TestTokens.bearer("demo-client", "orders:read"));
		HttpResponse<String> withScope = get(NOTIFICATIONS, TestTokens.bearer("demo-client", "notifications"));

		assertThat(withoutScope.statusCode()).isEqualTo(403);
		assertThat(withoutScope.body()).contains("\"code\":\"FORBIDDEN\"");
		assertThat(withScope.statusCode()).as("through security to a service with no endpoint yet").isEqualTo(404);
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
