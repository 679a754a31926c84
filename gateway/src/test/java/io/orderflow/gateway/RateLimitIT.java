package io.orderflow.gateway;

import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

import io.orderflow.gateway.ratelimit.ClientRateLimiter;
import io.orderflow.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Token buckets per client in Redis (100 tokens, one more a second; an order costs 40, a
 * read 1), and in memory while Redis is down.
 */
@ExtendWith(OutputCaptureExtension.class)
class RateLimitIT extends GatewayTestContext {

	@Autowired
	ClientRateLimiter limiter;

	@Test
	void refusesABurstWith429AndTheSecondsUntilTheRequestWouldPass() {
		String token = tokenWith("orders:write", "orders:read");
		assertThat(send(placeOrder(token)).statusCode()).isEqualTo(202);
		assertThat(send(placeOrder(token)).statusCode()).isEqualTo(202);

		HttpResponse<String> refused = send(placeOrder(token));

		assertThat(refused.statusCode()).isEqualTo(429);
		long remaining = header(refused, "X-RateLimit-Remaining");
		// 20 left, one more if a second of Redis's clock passed between the requests.
		assertThat(remaining).isBetween(20L, 22L);
		assertThat(header(refused, "Retry-After")).isEqualTo(40 - remaining);
		assertThat(header(refused, "X-RateLimit-Limit")).isEqualTo(100);
		assertThat(header(refused, "X-RateLimit-Reset")).isEqualTo(100 - remaining);
		assertThat(header(refused, "X-RateLimit-Requested-Tokens")).isEqualTo(40);
		Map<String, Object> problem = problem(refused);
		assertThat(problem).containsEntry("code", "RATE_LIMITED")
			.containsEntry("type", "urn:orderflow:problem:rate-limited")
			.containsEntry("instance", "/api/v1/orders");
	}

	@Test
	void letsACheapReadThroughWhenAnOrderNoLongerFits() {
		String token = tokenWith("orders:write", "orders:read");
		send(placeOrder(token));
		send(placeOrder(token));
		assertThat(send(placeOrder(token)).statusCode()).isEqualTo(429);

		HttpResponse<String> read = send(request("/api/v1/orders/o-1", token));

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(header(read, "X-RateLimit-Requested-Tokens")).isEqualTo(1);
		assertThat(read.headers().firstValue("Retry-After")).isEmpty();
	}

	@Test
	void limitsTheTokenEndpointByCallerAddress() throws Exception {
		// An address of its own (all of 127/8 is loopback), so no other test shares its
		// bucket.
		HttpClient caller = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.localAddress(InetAddress.getByName("127.0.0.2"))
			.build();
		HttpRequest tokenRequest = request("/oauth2/token")
			.POST(BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		// Ten tokens a call: the eleventh call of a burst is refused.
		for (int call = 1; call <= 10; call++) {
			assertThat(caller.send(tokenRequest, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}

		HttpResponse<String> refused = caller.send(tokenRequest, BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(problem(refused)).containsEntry("code", "RATE_LIMITED");
		assertThat(send(request("/oauth2/token").POST(BodyPublishers.ofString("grant_type=client_credentials")))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void keepsLimitingInMemoryWhileRedisIsDownAndGoesBackToRedis(CapturedOutput output) {
		TestInfrastructure.redis().stop();
		try {
			String token = tokenWith("orders:write");
			long start = System.nanoTime();
			assertThat(send(placeOrder(token)).statusCode()).isEqualTo(202);
			assertThat(send(placeOrder(token)).statusCode()).isEqualTo(202);
			HttpResponse<String> refused = send(placeOrder(token));

			assertThat(refused.statusCode()).isEqualTo(429);
			assertThat(header(refused, "Retry-After")).isBetween(18L, 20L);
			assertThat(problem(refused)).containsEntry("code", "RATE_LIMITED");
			assertThat(this.limiter.isCountingInMemory()).isTrue();
			// A dead Redis costs no request its timeout.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(output.getOut().lines().filter((line) -> line.contains("Redis does not answer"))).hasSize(1);
		}
		finally {
			TestInfrastructure.redis().start();
		}
		String token = tokenWith("orders:read");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(send(request("/api/v1/orders/o-1", token)).statusCode()).isEqualTo(200);
			assertThat(this.limiter.isCountingInMemory()).isFalse();
		});
		assertThat(output.getOut()).contains("Redis answers again");
	}

	private HttpRequest.Builder placeOrder(String token) {
		return request("/api/v1/orders", token).header("Content-Type", "application/json")
			.header("Idempotency-Key", "k-1")
			.POST(BodyPublishers.ofString("{\"customerId\":\"c-1\"}"));
	}

	private static long header(HttpResponse<String> response, String name) {
		return Long.parseLong(response.headers().firstValue(name).orElseThrow(() -> new AssertionError(name)));
	}

}
