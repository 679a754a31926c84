package io.orderflow.stack;

import java.util.List;
import java.util.Map;

import static io.orderflow.stack.Need.afterIfPresent;
import static io.orderflow.stack.Need.auth;
import static io.orderflow.stack.Need.authClient;
import static io.orderflow.stack.Need.discovery;
import static io.orderflow.stack.Need.http;
import static io.orderflow.stack.Need.kafka;
import static io.orderflow.stack.Need.mongo;
import static io.orderflow.stack.Need.postgres;
import static io.orderflow.stack.Need.redis;
import static io.orderflow.stack.Need.search;

/**
 * The components table: everything {@code ./orderflow up} runs, with its documented base
 * port. Adding a service to the stack is one line here (its module, port and needs); the
 * start order, the connection settings it gets and the PostgreSQL databases to create
 * follow from the needs.
 */
public final class Components {

	private Components() {
	}

	public static List<Component> standard() {
		return List.of(
		// @formatter:off
			Component.node("kafka", Node.KAFKA, 19092, HealthCheck.kafka(), "127.0.0.1:{port}")
				.withPort("controller-port", 19093),
			Component.node("postgres", Node.POSTGRES, 15432, HealthCheck.postgres(), "postgresql://127.0.0.1:{port}")
				.withNodeArguments((plan) -> Map.of("databases", String.join(",", plan.databases()))),
			Component.node("redis", Node.REDIS, 16379, HealthCheck.redis(), "redis://127.0.0.1:{port}"),
			Component.node("mongo", Node.MONGO, 17017, HealthCheck.mongo(), "mongodb://127.0.0.1:{port}"),
			Component.node("search", Node.SEARCH, 19200,
					HealthCheck.http("/_cluster/health?wait_for_status=yellow&timeout=1s"), "http://127.0.0.1:{port}")
				.withPort("transport-port", 19300),
			zipkin(9411),
			Component.simulator("payment-provider", "local-stack/payment-provider", 8090,
					(context) -> List.of("--orderflow.provider.data-dir=" + context.dataDirectory().toAbsolutePath())),
			Component.service("discovery", 8761),
			Component.service("auth-server", 9000, discovery())
				.withProperties((ports) -> Map.of("orderflow.auth.issuer", Need.issuer(ports))),
			Component.service("order-service", 8081, kafka(), postgres("orders"), discovery(), auth()),
			Component.service("inventory-service", 8082, kafka(), postgres("inventory"), discovery(), auth()),
			Component.service("payment-service", 8083, kafka(), postgres("payments"), discovery(), auth(),
					http("payment-provider", "orderflow.payment.provider.base-url")),
			Component.service("notification-service", 8084, kafka(), mongo("notifications"), discovery(), auth()),
			Component.service("search-service", 8085, kafka(), search(), discovery(),
					authClient("orderflow.search.sources.client.token-uri")),
			Component.service("gateway", 8080, redis(), discovery(), auth(),
					afterIfPresent("order-service"), afterIfPresent("inventory-service"),
					afterIfPresent("payment-service"), afterIfPresent("notification-service"),
					afterIfPresent("search-service"))
				// Readiness, not the aggregate: with Redis down the gateway keeps serving
				// (rate limits counted in memory), so it is not reported down with Redis.
				.withHealth(HealthCheck.http("/actuator/health/readiness")));
		// @formatter:on
	}

	/**
	 * Zipkin 3.6.1 on the loopback address only. Traces are kept in memory, capped at
	 * 100,000 spans (about a thousand orders of a hundred spans each) so a long load test
	 * cannot exhaust the heap; 384 MB did not hold that many under a load test through
	 * the gateway (OutOfMemoryError), hence 1 GB. Should it still run out, it exits
	 * rather than linger half-dead, and shows as down.
	 */
	static Component zipkin(int port) {
		return Component.program("zipkin", Tier.INFRASTRUCTURE, "zipkin-server.jar", port,
				List.of("-Xms64m", "-Xmx1g", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"),
				(context) -> List.of("--armeria.ports[0].ip=" + Probes.HOST,
						"--armeria.ports[0].port=" + context.ports().port("zipkin"),
						"--armeria.ports[0].protocols[0]=http", "--zipkin.storage.mem.max-spans=100000"),
				HealthCheck.http("/health"), "http://127.0.0.1:{port}/zipkin/");
	}

}
