package io.orderflow.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.orderflow.stack.ComponentStatus.State;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.Progress;
import io.orderflow.systemtests.Shop.Line;
import io.orderflow.systemtests.Shop.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search projection against the real services: it is off the ordering path (with
 * search-service killed in the middle of a run, orders still finish, searches are
 * answered with a 503 problem, and after its restart the index catches up with every
 * order it missed), and a reindex rebuilds both indices from order-service and
 * inventory-service.
 */
@ExtendWith(SystemStack.class)
class SearchIT {

	@Test
	void ordersFinishWhileSearchServiceIsDownAndItsIndexCatchesUpAfterTheRestart(LocalStack stack) throws Exception {
		Shop shop = new Shop(stack);
		String sku = PlaceOrderIT.run() + "-OUTAGE";
		String customer = "c-outage-" + sku.toLowerCase();
		shop.createProduct(sku, "system-tests", "3.00", 1_000);
		String search = shop.url("/api/v1/search/orders?customerId=" + customer);
		assertThat(Http.get(search, shop.as(Tokens.DEMO)).statusCode()).isEqualTo(200);

		List<String> orderIds = new ArrayList<>();
		try (ExecutorService shoppers = Executors.newFixedThreadPool(4)) {
			List<Future<String>> placed = IntStream.range(0, 40)
				.mapToObj((i) -> shoppers.submit(() -> shop.place(UUID.randomUUID().toString(), customer,
						(i % 5 == 3) ? "tok_chargeDeclined" : "tok_visa", new Line(sku, 1))))
				.toList();
			placed.get(9).get();
			assertThat(stack.kill("search-service")).isTrue();
			for (Future<String> order : placed) {
				orderIds.add(order.get());
			}
		}
		Map<String, Order> orders = shop.awaitTerminal(orderIds, Duration.ofMinutes(2));
		assertThat(orders.values().stream().filter(Order::confirmed)).hasSize(32);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stack.status("search-service").state()).isEqualTo(State.DOWN));
		HttpResponse<String> whileDown = Http.get(search, shop.as(Tokens.DEMO));
		assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(503);
		assertThat(whileDown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		stack.restart("search-service", Progress.SILENT);

		Projections.awaitAgree(shop, orders, Set.of(customer), Duration.ofSeconds(90));
	}

	@Test
	void aReindexRebuildsBothIndicesFromTheServicesThatOwnThem(LocalStack stack) {
		Shop shop = new Shop(stack);
		String sku = PlaceOrderIT.run() + "-REINDEX";
		String customer = "c-reindex-" + sku.toLowerCase();
		shop.createProduct(sku, "system-tests-reindex", "8.00", 100);
		List<String> orderIds = IntStream.range(0, 5)
			.mapToObj((i) -> shop.place(UUID.randomUUID().toString(), customer, "tok_visa", new Line(sku, 1)))
			.toList();
		Map<String, Order> orders = shop.awaitTerminal(orderIds, Duration.ofMinutes(1));

		HttpResponse<String> started = Http.post(shop.url("/api/v1/search/reindex"), "", shop.as(Tokens.OPS));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String status = shop.url(started.headers().firstValue("Location").orElseThrow());
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			HttpResponse<String> reindex = Http.get(status, shop.as(Tokens.OPS));
			assertThat(JsonPath.<String>read(reindex.body(), "$.state")).as(reindex.body()).isEqualTo("COMPLETED");
		});
		DocumentContext finished = JsonPath.parse(Http.get(status, shop.as(Tokens.OPS)).body());
		assertThat(finished.<List<String>>read("$.indices[*].index")).containsExactlyInAnyOrder("orders", "products");
		assertThat(finished.<List<Integer>>read("$.indices[*].read"))
			.allSatisfy((read) -> assertThat(read).isGreaterThanOrEqualTo(orderIds.size()));

		Projections.awaitAgree(shop, orders, Set.of(customer), Duration.ofSeconds(30));
		// Stock is committed after the orders are confirmed: the last ProductChanged may
		// come after the reindex read the product.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> products = Http
				.get(shop.url("/api/v1/search/products?category=system-tests-reindex&q=" + sku), shop.as(Tokens.DEMO));
			assertThat(products.statusCode()).as(products.body()).isEqualTo(200);
			assertThat(JsonPath.<List<String>>read(products.body(), "$.items[*].sku")).containsExactly(sku);
			assertThat(JsonPath.<List<Integer>>read(products.body(), "$.items[*].sold")).containsExactly(5);
		});
	}

}
