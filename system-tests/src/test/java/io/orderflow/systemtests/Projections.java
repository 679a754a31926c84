package io.orderflow.systemtests;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.orderflow.systemtests.Shop.Order;
import org.assertj.core.api.SoftAssertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the projections must show once a run's orders are finished, read through the
 * gateway as the shop that placed them: notification-service holds exactly one
 * notification per terminal event of every order, and search-service's index has every
 * order in the status order-service reports. Both are eventually consistent, so both are
 * awaited.
 */
final class Projections {

	private Projections() {
	}

	/**
	 * Awaits both projections agreeing with {@code orders}, placed by the shop for
	 * {@code customers}.
	 */
	static void awaitAgree(Shop shop, Map<String, Order> orders, Set<String> customers, Duration atMost) {
		await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
			SoftAssertions softly = new SoftAssertions();
			Map<String, List<String>> notified = notificationTypes(shop, customers);
			Map<String, String> indexed = indexedStatuses(shop, customers);
			orders.values().forEach((order) -> {
				String terminalEvent = order.confirmed() ? "OrderConfirmed" : "OrderCancelled";
				softly.assertThat(notified.getOrDefault(order.orderId(), List.of()))
					.as("notifications of %s order %s", order.status(), order.orderId())
					.containsExactly(terminalEvent);
				softly.assertThat(indexed.get(order.orderId()))
					.as("status of order %s in the search index", order.orderId())
					.isEqualTo(order.status());
			});
			softly.assertAll();
		});
	}

	/** Each order's notification types, of every notification the customers have. */
	static Map<String, List<String>> notificationTypes(Shop shop, Collection<String> customers) {
		Map<String, List<String>> types = new HashMap<>();
		for (String customer : customers) {
			String cursor = null;
			do {
				DocumentContext page = read(shop, "/api/v1/notifications?limit=100&customerId=" + encode(customer)
						+ ((cursor != null) ? "&cursor=" + encode(cursor) : ""));
				for (Map<String, Object> item : page.<List<Map<String, Object>>>read("$.items")) {
					types.computeIfAbsent((String) item.get("orderId"), (id) -> new ArrayList<>())
						.add((String) item.get("type"));
				}
				cursor = page.read("$.nextCursor");
			}
			while (cursor != null);
		}
		return types;
	}

	/** The status of every order of the customers, as the search index has it. */
	static Map<String, String> indexedStatuses(Shop shop, Collection<String> customers) {
		Map<String, String> statuses = new HashMap<>();
		for (String customer : customers) {
			int total;
			int page = 0;
			do {
				DocumentContext result = read(shop,
						"/api/v1/search/orders?size=100&page=" + page + "&customerId=" + encode(customer));
				for (Map<String, Object> item : result.<List<Map<String, Object>>>read("$.items")) {
					statuses.put((String) item.get("orderId"), (String) item.get("status"));
				}
				total = result.read("$.total", Integer.class);
				page++;
			}
			while (page * 100 < total);
		}
		return statuses;
	}

	private static DocumentContext read(Shop shop, String path) {
		HttpResponse<String> response = Http.get(shop.url(path), shop.as(Tokens.DEMO));
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
		return JsonPath.parse(response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
