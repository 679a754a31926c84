package io.orderflow.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.messaging.failure.DeadLetters;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order events on {@code order.events} become documents of the {@code orders} index at
 * their newest version, however often and in whatever order they arrive; records that can
 * never become one go to the dead-letter topic without holding up the next.
 */
@SearchIT
class OrderProjectionIT {

	static final Duration WAIT = Duration.ofSeconds(30);

	static final String OPERATOR = TestTokens.bearer("ops-client", "search", "admin");

	@LocalServerPort
	int port;

	@Autowired
	private MeterRegistry registry;

	@Autowired
	private DeadLetters deadLetters;

	private SearchApi api;

	@BeforeEach
	void api() {
		this.api = new SearchApi(this.port);
	}

	@Test
	void keepsTheNewestVersionOfAnOrderWhateverTheOrderAndNumberOfDeliveries() {
		Orders order = Orders.anOrder("client-" + UUID.randomUUID(), "c-reordered")
			.of("SKU-1", "Espresso cup", 2, "12.50");
		double staleBefore = stale();
		try (Events events = new Events()) {
			events.publish(order.confirmed(3));
			events.publish(order.placed(2));
			events.publish(order.confirmed(3));
		}

		await().atMost(WAIT).until(() -> stale() >= staleBefore + 2);
		await().atMost(WAIT).untilAsserted(() -> {
			String body = this.api.get("/api/v1/search/orders?q=" + order.id(), OPERATOR).body();
			JsonNode found = SearchApi.json(body);
			assertThat(found.get("total").asLong()).isOne();
			JsonNode hit = found.get("items").get(0);
			assertThat(hit.get("version").asLong()).isEqualTo(3);
			assertThat(hit.get("status").asString()).isEqualTo("CONFIRMED");
			assertThat(body).as("money with two decimals").contains("\"total\":25.00");
		});
		assertThat(stale()).isEqualTo(staleBefore + 2);
	}

	@Test
	void deadLettersRecordsThatCanNeverBecomeADocumentAndIndexesTheNextOne() {
		Orders order = Orders.anOrder("client-" + UUID.randomUUID(), "c-dlt").of("SKU-1", "Espresso cup", 1, "12.50");
		UUID notJson = UUID.randomUUID();
		UUID unknownType = UUID.randomUUID();
		UUID noOrderId = UUID.randomUUID();
		try (Events events = new Events()) {
			events.sendRaw(OrderEvent.TOPIC, order.id(), notJson, "OrderConfirmed", "{\"orderId\": this is not json");
			events.sendRaw(OrderEvent.TOPIC, order.id(), unknownType, "OrderExploded",
					"{\"orderId\":\"" + order.id() + "\"}");
			events.sendRaw(OrderEvent.TOPIC, order.id(), noOrderId, "OrderConfirmed",
					"{\"orderId\":\" \",\"customerId\":\"c-dlt\",\"status\":\"CONFIRMED\",\"version\":1}");
			events.publish(order.confirmed(1));
		}

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(
					this.api.json("/api/v1/search/orders?q=" + order.id(), OPERATOR).get("total").asLong())
				.isOne());
		assertThat(deadLetterIds(this.deadLetters, OrderEvent.TOPIC, order.id())).containsExactly(notJson.toString(),
				unknownType.toString(), noOrderId.toString());
	}

	private double stale() {
		Counter counter = this.registry.find("search.projection.stale").tag("index", "orders").counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * The message ids of the dead letters of {@code topic} keyed {@code key}, once there
	 * are three, read with the messaging module's own {@link DeadLetters}.
	 */
	static List<String> deadLetterIds(DeadLetters deadLetters, String topic, String key) {
		List<String> dead = new ArrayList<>();
		await().atMost(WAIT).untilAsserted(() -> {
			dead.clear();
			deadLetters.list(topic)
				.stream()
				.filter((letter) -> key.equals(letter.key()))
				.forEach((letter) -> dead.add(letter.headers().get("message-id")));
			assertThat(dead).hasSizeGreaterThanOrEqualTo(3);
		});
		return dead;
	}

}
