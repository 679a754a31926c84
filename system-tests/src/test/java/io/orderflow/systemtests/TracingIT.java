package io.orderflow.systemtests;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import io.orderflow.stack.LocalStack;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(SystemStack.class)
class TracingIT {

	/**
	 * The request carries a W3C trace context of our own, so the span is found by its
	 * trace id: it proves both that the agent exports to this stack's Zipkin and that it
	 * joins the caller's trace.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "discovery", "auth-server", "gateway", "order-service", "inventory-service",
			"payment-service", "notification-service", "search-service" })
	void aRequestToAServiceReachesZipkinAsASpanOfTheCallersTrace(String service, LocalStack stack) {
		String traceId = HexFormat.of().formatHex(randomBytes(16));
		String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

		assertThat(Http.get(stack.url(service) + "/actuator/health", "traceparent", traceparent).statusCode())
			.isEqualTo(200);

		String zipkin = "http://127.0.0.1:" + stack.port("zipkin");
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String traces = Http.get(zipkin + "/api/v2/traces?limit=1000&lookback=600000&serviceName=" + service)
				.body();
			List<String> traceIds = JsonPath.read(traces, "$[*][*].traceId");
			assertThat(traceIds).contains(traceId);
		});
		String trace = Http.get(zipkin + "/api/v2/trace/" + traceId).body();
		List<String> services = JsonPath.read(trace, "$[*].localEndpoint.serviceName");
		List<String> kinds = JsonPath.read(trace, "$[*].kind");
		assertThat(services).contains(service);
		assertThat(kinds).contains("SERVER");
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		bytes[0] |= 1;
		return bytes;
	}

}
