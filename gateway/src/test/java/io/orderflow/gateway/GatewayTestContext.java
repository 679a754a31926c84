package io.orderflow.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.orderflow.testinfra.RealInfrastructure;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.orderflow.testinfra.Infrastructure.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as it runs, on a random port, with real Redis and real HTTP servers as the
 * services it routes to, found by name through Spring Cloud's simple discovery client in
 * place of Eureka. Every IT extends this class, so they share one application context.
 * <ul>
 * <li>auth-server: {@link AuthServer}, also the JWK set the tokens are checked
 * against;</li>
 * <li>order-service: one instance that answers;</li>
 * <li>inventory-service: slower than the gateway's 500 ms response timeout;</li>
 * <li>payment-service: gone (nothing listens at its address);</li>
 * <li>notification-service: two instances that answer, one of which a test kills;</li>
 * <li>search-service: answers 503 to everything.</li>
 * </ul>
 * Rate limits are small so a burst trips them: buckets of 100 tokens refilled at one a
 * second, an order costing 40. Each test uses clients of its own, so buckets never carry
 * over between tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "spring.cloud.loadbalancer.cache.enabled=false",
				"spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms",
				"orderflow.gateway.rate-limit.replenish-rate=1", "orderflow.gateway.rate-limit.burst-capacity=100",
				"orderflow.gateway.rate-limit.costs.place-order=40", "orderflow.gateway.rate-limit.costs.write=2",
				"orderflow.gateway.rate-limit.redis-retry-interval=200ms",
				"resilience4j.bulkhead.configs.order-service.max-concurrent-calls=4" })
@RealInfrastructure(REDIS)
abstract class GatewayTestContext {

	static final AuthServer auth = new AuthServer();

	static final Downstream orders = Downstream.answering("order-service");

	static final Downstream inventory = Downstream.slow("inventory-service", Duration.ofSeconds(2));

	static final String payments = Downstream.nothingListening();

	static final Downstream notifications = Downstream.answering("notification-service");

	static final Downstream secondNotifications = Downstream.answering("notification-service");

	static final Downstream search = Downstream.failingWith("search-service", 503);

	private static final AtomicInteger clients = new AtomicInteger();

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", auth::jwkSetUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", auth::issuer);
		instance(registry, "auth-server", 0, auth.uri());
		instance(registry, "order-service", 0, orders.uri());
		instance(registry, "inventory-service", 0, inventory.uri());
		instance(registry, "payment-service", 0, payments);
		instance(registry, "notification-service", 0, notifications.uri());
		instance(registry, "notification-service", 1, secondNotifications.uri());
		instance(registry, "search-service", 0, search.uri());
	}

	private static void instance(DynamicPropertyRegistry registry, String service, int index, String uri) {
		registry.add("spring.cloud.discovery.client.simple.instances." + service + "[" + index + "].uri", () -> uri);
	}

	/** A token for a client of its own (so a bucket of its own) with these scopes. */
	static String tokenWith(String... scopes) {
		return auth.token("client-" + clients.incrementAndGet(), scopes);
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
	}

	HttpRequest.Builder request(String path, String token) {
		return request(path).header("Authorization", "Bearer " + token);
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The problem body of a response, after checking it is one. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> problem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		Map<String, Object> problem = json.readValue(response.body(), Map.class);
		assertThat(problem).containsKeys("type", "title", "status", "detail", "instance", "code", "requestId",
				"traceId");
		assertThat(problem.get("status")).isEqualTo(response.statusCode());
		assertThat(problem.get("requestId")).isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
		return problem;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> body(HttpResponse<String> response) {
		return json.readValue(response.body(), Map.class);
	}

}
