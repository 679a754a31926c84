package io.orderflow.gateway;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services that are gone, slow, failing or losing an instance: the client gets a problem
 * detail in bounded time, and reads are retried where that is safe.
 */
@ExtendWith(OutputCaptureExtension.class)
class DownstreamFailureIT extends GatewayTestContext {

	@Test
	void answers503WithRetryAfterWhenTheServiceIsGone(CapturedOutput output) {
		HttpResponse<String> response = send(
				request("/api/v1/payments?orderId=o-1", tokenWith("admin")).header("X-Request-ID", "gone-1"));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		Map<String, Object> problem = problem(response);
		assertThat(problem).containsEntry("code", "SERVICE_UNAVAILABLE")
			.containsEntry("type", "urn:orderflow:problem:service-unavailable")
			.containsEntry("instance", "/api/v1/payments");
		assertThat(problem.get("detail").toString()).startsWith("payment-service");
		// The gateway's log line about it carries the request id, as the problem does.
		assertThat(output.getOut()).containsPattern(",gone-1\\] .*GET /api/v1/payments: payment-service");
	}

	@Test
	void stopsCallingAServiceOnceItsBreakerOpens() {
		String token = tokenWith("admin");
		// Five failures of the last ten calls open the breaker.
		List<HttpResponse<String>> responses = IntStream.range(0, 8)
			.mapToObj((call) -> send(request("/api/v1/payments?orderId=o-" + call, token)))
			.toList();

		HttpResponse<String> open = responses.getLast();
		assertThat(responses).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(503));
		assertThat(open.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(problem(open).get("detail").toString())
			.isEqualTo("payment-service is failing; the gateway is not calling it for a few seconds.");
		HttpResponse<String> breakers = send(request("/actuator/circuitbreakers", tokenWith("admin")));
		assertThat(breakers.body()).contains("\"payment-service\":{").contains("OPEN");
	}

	@Test
	void answers504WhenTheServiceIsSlowerThanTheRouteTimeoutWithoutRetrying() {
		int before = inventory.received().size();
		long start = System.nanoTime();

		HttpResponse<String> response = send(request("/api/v1/products/SKU-1", tokenWith("products:read")));

		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1900));
		Map<String, Object> problem = problem(response);
		assertThat(problem).containsEntry("code", "GATEWAY_TIMEOUT");
		assertThat(problem.get("detail")).isEqualTo("inventory-service did not answer in time.");
		assertThat(inventory.received()).hasSize(before + 1);
	}

	@Test
	void waitsAsLongAsTheRoutesOwnTimeoutWithNoShorterLimitOnTop() {
		// search-read allows 2 s where the others allow 500 ms here; Resilience4j's own
		// time limiter (1 s by default) is off.
		HttpResponse<String> response = send(
				request("/api/v1/search/orders?q=x", tokenWith("search")).header("X-Test-Status", "200")
					.header("X-Test-Delay-Ms", "1200"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response)).containsEntry("service", "search-service");
	}

	/**
	 * Four calls in flight to order-service here (200 in the stack): a fifth and sixth
	 * are shed at once with a 503, and shedding load does not open the service's breaker.
	 */
	@Test
	void shedsRequestsBeyondTheServicesBulkheadWithoutOpeningItsBreaker() throws Exception {
		String token = tokenWith("orders:read");
		List<CompletableFuture<HttpResponse<String>>> inFlight = IntStream.range(0, 6)
			.mapToObj((call) -> CompletableFuture.supplyAsync(
					() -> send(request("/api/v1/orders/o-" + call, token).header("X-Test-Delay-Ms", "300")),
					Executors.newVirtualThreadPerTaskExecutor()))
			.toList();

		List<Integer> statuses = inFlight.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(4);
		assertThat(statuses).filteredOn((status) -> status == 503).hasSize(2);
		HttpResponse<String> shed = inFlight.stream()
			.map(CompletableFuture::join)
			.filter((response) -> response.statusCode() == 503)
			.findFirst()
			.orElseThrow();
		assertThat(problem(shed).get("detail").toString()).startsWith("order-service has too many requests in flight");
		assertThat(send(request("/api/v1/orders/o-after", token)).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/circuitbreakers", tokenWith("admin"))).body())
			.containsPattern("\"order-service\":\\{[^}]*\"state\":\"CLOSED\"");
	}

	@Test
	void retriesAReadOnA503ButNeverAWriteThatWasSent() {
		int before = search.received().size();
		HttpResponse<String> read = send(request("/api/v1/search/orders?q=x", tokenWith("search")));
		int reads = search.received().size() - before;

		HttpResponse<String> write = send(
				request("/api/v1/search/reindex", tokenWith("admin")).POST(BodyPublishers.ofString("{}")));
		int writes = search.received().size() - before - reads;

		// The service's own 503 after the retries, its body unchanged.
		assertThat(read.statusCode()).isEqualTo(503);
		assertThat(body(read)).containsEntry("service", "search-service");
		assertThat(reads).isEqualTo(3);
		assertThat(write.statusCode()).isEqualTo(503);
		assertThat(writes).isEqualTo(1);
	}

	@Test
	void keepsRoutingToTheInstanceLeftWhenAnotherIsKilled() {
		String token = tokenWith("notifications");
		List<String> before = IntStream.range(0, 4)
			.mapToObj((call) -> body(send(request("/api/v1/notifications?customerId=c-1", token))).get("instance")
				.toString())
			.toList();
		assertThat(before).contains(notifications.uri(), secondNotifications.uri());

		secondNotifications.kill();
		List<HttpResponse<String>> reads = IntStream.range(0, 6)
			.mapToObj((call) -> send(request("/api/v1/notifications?customerId=c-1", token)))
			.toList();
		HttpResponse<String> write = send(
				request("/api/v1/notifications/n-1/read", token).POST(BodyPublishers.ofString("{}")));
		HttpResponse<String> secondWrite = send(
				request("/api/v1/notifications/n-2/read", token).POST(BodyPublishers.ofString("{}")));

		assertThat(reads).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(body(response)).containsEntry("instance", notifications.uri());
		});
		// A refused connection sent nothing, so even a write goes to the other instance.
		assertThat(write.statusCode()).isEqualTo(202);
		assertThat(secondWrite.statusCode()).isEqualTo(202);
	}

}
