package io.orderflow.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.messaging.failure.DeadLetterPublishing;
import io.orderflow.testinfra.TestInfrastructure;
import io.orderflow.testinfra.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
		assertThat(deadLetterIds(DeadLetterPublishing.topicFor(OrderEvent.TOPIC), order.id()))
			.containsExactly(notJson.toString(), unknownType.toString(), noOrderId.toString());
	}

	private double stale() {
		Counter counter = this.registry.find("search.projection.stale").tag("index", "orders").counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** The message ids of the dead letters keyed {@code key}, once there are three. */
	static List<String> deadLetterIds(String topic, String key) {
		List<String> dead = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			await().atMost(WAIT).untilAsserted(() -> {
				if (deadLetters.assignment().isEmpty()) {
					List<TopicPartition> partitions = deadLetters.partitionsFor(topic)
						.stream()
						.map((info) -> new TopicPartition(info.topic(), info.partition()))
						.toList();
					deadLetters.assign(partitions);
					deadLetters.seekToBeginning(partitions);
				}
				deadLetters.poll(Duration.ofMillis(200)).forEach((deadLetter) -> {
					if (key.equals(deadLetter.key())) {
						dead.add(new String(deadLetter.headers().lastHeader("message-id").value()));
					}
				});
				assertThat(dead).hasSizeGreaterThanOrEqualTo(3);
			});
		}
		return dead;
	}

}
