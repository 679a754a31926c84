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

import io.orderflow.stack.LocalStack;
import io.orderflow.systemtests.Tokens;
import io.orderflow.systemtests.benchmark.Load.Result;

/**
 * The place-order saga on the embedded stack against its floor, in one run, and prints
 * both side by side:
 * <ul>
 * <li>latency POST → OrderConfirmed (p50, p99, max) at several offered loads, against a
 * chain of four sequential Kafka hops between two processes on the same broker at the
 * same loads;</li>
 * <li>throughput at saturation (orders reaching CONFIRMED per second with 32 clients each
 * waiting for its order), against chains per second with 32 in flight.</li>
 * </ul>
 * The stack is what {@code ./orderflow up} runs (services with the OpenTelemetry agent,
 * PostgreSQL with fsync on, the provider simulator), minus the components the saga does
 * not use, on its own ports and state directory. Every order is one line of one of 20
 * products, paid with {@code tok_visa}.
 */
public final class SagaBenchmark {

	private static final int[] LOADS = { 10, 25, 50 };

	private static final Duration STEADY = Duration.ofSeconds(20);

	private static final int CLIENTS = 32;

	private SagaBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkStack.run(List.of("order-service", "inventory-service", "payment-service"), SagaBenchmark::run);
	}

	private static void run(LocalStack stack) throws Exception {
		String bootstrap = "127.0.0.1:" + stack.port("kafka");
		Tokens tokens = new Tokens(stack.url("auth-server"));
		List<String> skus = createProducts(stack.url("inventory-service"), tokens.bearer(Tokens.OPS));
		List<String> rows = new ArrayList<>();
		try (KafkaHops hops = new KafkaHops(bootstrap);
				SagaOrders saga = new SagaOrders(stack.url("order-service"), bootstrap, skus, tokens)) {
			System.out.println("warming up: 400 orders at 20/s");
			Load.offered(saga::place, 20, Duration.ofSeconds(20));
			for (int load : LOADS) {
				Result baseline = Load.offered(hops::chain, load, STEADY);
				Result orders = Load.offered(saga::place, load, STEADY);
				rows.add(row(load + "/s offered", orders, baseline));
				System.out.println(rows.getLast());
			}
			Result baseline = Load.saturated(hops::chain, CLIENTS, STEADY);
			Result orders = Load.saturated(saga::place, CLIENTS, STEADY);
			rows.add(row("saturated, " + CLIENTS + " clients", orders, baseline));
		}
		System.out.println();
		System.out.println("Place-order saga vs four Kafka hops (2 processes, same broker), "
				+ Runtime.getRuntime().availableProcessors() + " cores");
		System.out.printf(Locale.ROOT, "%-22s | %-44s | %-44s | %s%n", "load",
				"saga: done/s, POST→CONFIRMED p50/p99/max", "baseline: done/s, 4 hops p50/p99/max",
				"ratio p50 / p99 / throughput");
		rows.forEach(System.out::println);
	}

	private static String row(String load, Result saga, Result baseline) {
		return saga.against(baseline, load, "saga", "baseline");
	}

	private static List<String> createProducts(String inventory, String bearer) throws Exception {
		List<String> skus = new ArrayList<>();
		try (HttpClient http = HttpClient.newHttpClient()) {
			for (int i = 0; i < 20; i++) {
				String sku = "BENCH-" + i;
				String body = """
						{"sku":"%s","name":"Benchmark %d","description":"Benchmark product","category":"benchmark",\
						"price":10.00,"currency":"USD","available":1000000}""".formatted(sku, i);
				int status = http
					.send(HttpRequest.newBuilder(URI.create(inventory + "/api/v1/products"))
						.header("Content-Type", "application/json")
						.header("Authorization", bearer)
						.POST(BodyPublishers.ofString(body))
						.build(), BodyHandlers.discarding())
					.statusCode();
				if (status != 201) {
					throw new IllegalStateException("Creating " + sku + " answered " + status);
				}
				http.send(HttpRequest.newBuilder(URI.create(inventory + "/api/v1/products/" + sku + "/stock"))
					.header("Content-Type", "application/json")
					.header("Authorization", bearer)
					.PUT(BodyPublishers.ofString("{\"available\":1000000}"))
					.build(), BodyHandlers.discarding());
				skus.add(sku);
			}
		}
		return skus;
	}

}
