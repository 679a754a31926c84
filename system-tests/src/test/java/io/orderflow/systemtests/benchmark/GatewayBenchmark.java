package io.orderflow.systemtests.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.orderflow.stack.LocalStack;
import io.orderflow.systemtests.Tokens;
import io.orderflow.systemtests.benchmark.Load.Result;

/**
 * What the gateway costs a client, in one run, printed side by side: the same
 * authenticated {@code GET /api/v1/products/{sku}} sent straight to inventory-service and
 * through the gateway (JWT check, the client's token bucket in Redis, the breaker, route
 * and load-balancer choice, a second HTTP hop), by the same load generator:
 * <ul>
 * <li>latency p50 / p99 / max at offered loads below the gateway's rate limit;</li>
 * <li>requests per second at saturation (closed loop, {@value #CLIENTS} clients).</li>
 * </ul>
 * The stack is what {@code ./orderflow up} runs (every service with the OpenTelemetry
 * agent), on its own ports and state directory. The saturation phase would exceed the
 * default 200 tokens a second per client, measuring the limiter's refusals rather than
 * the gateway's cost, so the benchmark's profile raises the limit through
 * {@code SPRING_APPLICATION_JSON} (see the system-tests POM); the limiter still runs,
 * Redis round trip included, on every request.
 */
public final class GatewayBenchmark {

	private static final int[] LOADS = { 100, 300 };

	private static final Duration STEADY = Duration.ofSeconds(20);

	private static final int CLIENTS = 16;

	private static final String SKU = "BENCH-GATEWAY";

	private GatewayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkStack.run(List.of("gateway", "inventory-service"), GatewayBenchmark::run);
	}

	private static void run(LocalStack stack) throws Exception {
		Tokens tokens = new Tokens(stack.url("gateway"));
		String bearer = tokens.bearer(Tokens.OPS);
		createProduct(stack.url("gateway"), bearer);
		List<String> rows = new ArrayList<>();
		try (HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build()) {
			Supplier<CompletableFuture<Long>> direct = get(http, stack.url("inventory-service"), bearer);
			Supplier<CompletableFuture<Long>> gateway = get(http, stack.url("gateway"), bearer);
			// The gateway's reactive path, under the agent, takes far longer to reach
			// compiled code than the service's: measured cold it cost several times the
			// CPU per request it costs a minute later.
			System.out.println("warming up: 20 s straight, 60 s through the gateway, 8 clients");
			Load.saturated(direct, 8, Duration.ofSeconds(20));
			Load.saturated(gateway, 8, Duration.ofSeconds(60));
			for (int load : LOADS) {
				Result straight = Load.offered(direct, load, STEADY);
				Result through = Load.offered(gateway, load, STEADY);
				rows.add(row(load + "/s offered", through, straight));
				System.out.println(rows.getLast());
			}
			Result straight = Load.saturated(direct, CLIENTS, STEADY);
			Result through = Load.saturated(gateway, CLIENTS, STEADY);
			rows.add(row("saturated, " + CLIENTS + " clients", through, straight));
		}
		System.out.println();
		System.out.println("Authenticated GET /api/v1/products/{sku}: through the gateway vs straight to "
				+ "inventory-service, " + Runtime.getRuntime().availableProcessors() + " cores");
		System.out.printf(Locale.ROOT, "%-22s | %-44s | %-44s | %s%n", "load", "gateway: req/s, p50/p99/max",
				"straight: req/s, p50/p99/max", "ratio p50 / p99 / throughput");
		rows.forEach(System.out::println);
	}

	/** One GET, completing with its latency, or exceptionally unless it answered 200. */
	private static Supplier<CompletableFuture<Long>> get(HttpClient http, String base, String bearer) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/products/" + SKU))
			.header("Authorization", bearer)
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return () -> {
			long started = System.nanoTime();
			return http.sendAsync(request, BodyHandlers.discarding()).thenApply((response) -> {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("GET answered " + response.statusCode());
				}
				return System.nanoTime() - started;
			});
		};
	}

	private static String row(String load, Result gateway, Result straight) {
		return gateway.against(straight, load, "gateway", "straight");
	}

	private static void createProduct(String gateway, String bearer) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			String body = """
					{"sku":"%s","name":"Gateway benchmark","description":"Benchmark product","category":"benchmark",\
					"price":10.00,"currency":"USD","available":100}""".formatted(SKU);
			int status = http
				.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/products"))
					.header("Content-Type", "application/json")
					.header("Authorization", bearer)
					.POST(BodyPublishers.ofString(body))
					.build(), BodyHandlers.discarding())
				.statusCode();
			if (status != 201) {
				throw new IllegalStateException("Creating " + SKU + " answered " + status);
			}
		}
	}

}
