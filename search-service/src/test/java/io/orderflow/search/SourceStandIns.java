package io.orderflow.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.orderflow.testinfra.TestTokens;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * order-service's and inventory-service's list endpoints as the reindex reads them, in
 * one in-JVM HTTP server: keyset pages of whatever a test put in, in id order, each page
 * optionally slowed down so a reindex takes long enough to race with live events. The
 * service finds it by discovery name (the simple discovery client, Eureka being off in
 * tests).
 */
final class SourceStandIns {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SourceStandIns INSTANCE = new SourceStandIns();

	private final NavigableMap<String, Map<String, Object>> orders = new ConcurrentSkipListMap<>();

	private final NavigableMap<String, Map<String, Object>> products = new ConcurrentSkipListMap<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private volatile Duration pageDelay = Duration.ZERO;

	private final String uri;

	private SourceStandIns() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/api/v1/orders", (exchange) -> page(exchange, this.orders));
			server.createContext("/api/v1/products", (exchange) -> page(exchange, this.products));
			Thread.ofPlatform().daemon().name("source-stand-ins").start(server::start).join();
			this.uri = "http://127.0.0.1:" + server.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static SourceStandIns get() {
		return INSTANCE;
	}

	/** Puts an order in order-service's state, as its list endpoint shows it. */
	void putOrder(Map<String, Object> order) {
		this.orders.put((String) order.get("orderId"), Map.copyOf(order));
	}

	void putProduct(Map<String, Object> product) {
		this.products.put((String) product.get("sku"), Map.copyOf(product));
	}

	void clear() {
		this.orders.clear();
		this.products.clear();
		this.authorizations.clear();
	}

	void slowDownPagesBy(Duration delay) {
		this.pageDelay = delay;
	}

	/** The {@code Authorization} headers of the requests received. */
	List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	private void page(HttpExchange exchange, NavigableMap<String, Map<String, Object>> items) throws IOException {
		try (exchange) {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.authorizations.add(String.valueOf(authorization));
			if (authorization == null || !authorization.startsWith("Bearer ")) {
				respond(exchange, 401, Map.of("code", "UNAUTHORIZED"));
				return;
			}
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
			String cursor = query.get("cursor");
			NavigableMap<String, Map<String, Object>> rest = (cursor != null) ? items.tailMap(cursor, false) : items;
			List<Map<String, Object>> page = new ArrayList<>();
			String last = null;
			for (Map.Entry<String, Map<String, Object>> entry : rest.entrySet()) {
				if (page.size() == limit) {
					break;
				}
				page.add(entry.getValue());
				last = entry.getKey();
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("items", page);
			body.put("nextCursor", (last != null && rest.higherKey(last) != null) ? last : null);
			Thread.sleep(this.pageDelay);
			respond(exchange, 200, body);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> query = new HashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					query.put(pair.substring(0, equals),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return query;
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * Points the service's discovery names at the stand-ins and its OAuth2 client at
	 * {@code TestTokens}' token endpoint.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Wiring {

		@Bean
		static DynamicPropertyRegistrar sourceStandInsProperties() {
			return (registry) -> {
				registry.add("spring.cloud.discovery.client.simple.instances.order-service[0].uri", INSTANCE::uri);
				registry.add("spring.cloud.discovery.client.simple.instances.inventory-service[0].uri", INSTANCE::uri);
				registry.add("orderflow.search.sources.client.token-uri", TestTokens::tokenUri);
			};
		}

	}

	private String uri() {
		return this.uri;
	}

}
