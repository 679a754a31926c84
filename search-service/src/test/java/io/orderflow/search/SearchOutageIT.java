package io.orderflow.search;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.orderflow.testinfra.SearchEngine;
import io.orderflow.testinfra.TestInfrastructure;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.search.OrderProjectionIT.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The search engine going away: the API answers a quick 503 problem instead of a 500 or a
 * hang, and the events that arrive meanwhile wait in Kafka (the listener retries in
 * place) until the engine is back, then are indexed. The engine is shared by the JVM's
 * tests, so it is started again before the test ends, whatever happens.
 */
@SearchIT
class SearchOutageIT {

	@LocalServerPort
	int port;

	@Test
	void answersServiceUnavailableWhileTheEngineIsDownAndIndexesWhatArrivedMeanwhileOnceItIsBack() {
		SearchApi api = new SearchApi(this.port);
		String client = "client-" + UUID.randomUUID();
		String token = TestTokens.bearer(client, "search");
		Orders order = Orders.anOrder(client, "c-outage").of("SKU-1", "Espresso cup", 1, "12.50");
		SearchEngine engine = TestInfrastructure.search();
		HttpResponse<String> orders;
		HttpResponse<String> suggest;
		long elapsedMillis;
		try {
			engine.stop();
			long start = System.nanoTime();
			orders = api.get("/api/v1/search/orders?q=espresso", token);
			elapsedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			suggest = api.get("/api/v1/search/products/suggest?prefix=esp", token);
			try (Events events = new Events()) {
				events.publish(order.placed(0));
				events.publish(order.confirmed(3));
			}
		}
		finally {
			engine.start();
		}

		assertThat(orders.statusCode()).isEqualTo(503);
		assertThat(orders.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(orders.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(orders.body()).contains("\"code\":\"SEARCH_UNAVAILABLE\"").doesNotContain("Exception");
		assertThat(elapsedMillis).as("no hang").isLessThan(5000);
		assertThat(suggest.statusCode()).isEqualTo(503);
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			HttpResponse<String> found = api.get("/api/v1/search/orders?q=" + order.id(), OPERATOR);
			assertThat(found.statusCode()).isEqualTo(200);
			assertThat(SearchApi.json(found).get("items")).singleElement()
				.satisfies((hit) -> assertThat(hit.get("version").asLong()).isEqualTo(3));
		});
	}

}
