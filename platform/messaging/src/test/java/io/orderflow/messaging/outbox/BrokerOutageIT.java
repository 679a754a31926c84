package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.support.MessagingIT;
import io.orderflow.messaging.support.RelayInstances;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TopicReader;
import io.orderflow.testinfra.KafkaBroker;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static io.orderflow.messaging.support.MessagingTestApplication.BROKER_OUTAGE_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MessagingIT
class BrokerOutageIT {

	private static final int KEYS = 10;

	private static final int MESSAGES = 1_000;

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void publishesEverythingWrittenWhileTheBrokerWasDownOnceItIsBackInPerKeyOrder() {
		String run = "outage-" + UUID.randomUUID();
		Set<UUID> written = ConcurrentHashMap.newKeySet();
		KafkaBroker kafka = TestInfrastructure.kafka();

		kafka.stop();
		try {
			// Writers only touch the database: they go on at full speed while Kafka is
			// gone.
			for (int transaction = 0; transaction < MESSAGES / KEYS; transaction++) {
				int sequence = transaction;
				this.transactions.executeWithoutResult((status) -> {
					for (int key = 0; key < KEYS; key++) {
						String name = run + "-" + key;
						written.add(this.outbox.send(BROKER_OUTAGE_TOPIC, name, new Counted(name, sequence)));
					}
				});
			}
			assertThat(unpublished(run)).isPositive();
		}
		finally {
			kafka.start();
		}

		try (TopicReader topic = TopicReader.fromBeginning(BROKER_OUTAGE_TOPIC)) {
			List<ConsumerRecord<String, byte[]>> records = topic.readUntilAll(written, Duration.ofSeconds(120));
			Map<String, List<Integer>> sequences = TopicReader.firstDeliveriesByKey(records);
			for (int key = 0; key < KEYS; key++) {
				assertThat(sequences.get(run + "-" + key)).as("key %d in first-delivery order", key)
					.containsExactlyElementsOf(IntStream.range(0, MESSAGES / KEYS).boxed().toList());
			}
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(run) == 0);
	}

	@Test
	void retriesFromTheFirstUnpublishedRowWhenSendsFailKeepingPerKeyOrder() {
		String topic = "broker-outage-retry-" + UUID.randomUUID();
		RelayInstances.createTopic(topic, 3);
		KafkaBroker kafka = TestInfrastructure.kafka();
		// Short producer timeouts, so that the outage fails sends instead of outlasting
		// them.
		try (ConfigurableApplicationContext service = RelayInstances.start("broker_outage",
				"orderflow.messaging.relay.delivery-timeout=2s", "orderflow.messaging.relay.max-block=1s",
				"orderflow.messaging.relay.max-backoff=500ms")) {
			Set<UUID> written = ConcurrentHashMap.newKeySet();
			write(service, topic, 0, 10, written);
			try (TopicReader reader = TopicReader.fromBeginning(topic)) {
				reader.readUntilAll(written, Duration.ofSeconds(60));
			}

			kafka.stop();
			try {
				write(service, topic, 10, 60, written);
				await().atMost(Duration.ofSeconds(60)).until(() -> failures(service) >= 2);
			}
			finally {
				kafka.start();
			}

			try (TopicReader reader = TopicReader.fromBeginning(topic)) {
				Map<String, List<Integer>> sequences = TopicReader
					.firstDeliveriesByKey(reader.readUntilAll(written, Duration.ofSeconds(120)));
				for (int key = 0; key < 5; key++) {
					assertThat(sequences.get(topic + "-" + key)).as("key %d in first-delivery order", key)
						.containsExactlyElementsOf(IntStream.range(0, 60).boxed().toList());
				}
			}
		}
	}

	private static void write(ConfigurableApplicationContext service, String topic, int from, int to,
			Set<UUID> written) {
		Outbox outbox = service.getBean(Outbox.class);
		TransactionTemplate transactions = service.getBean(TransactionTemplate.class);
		for (int sequence = from; sequence < to; sequence++) {
			int step = sequence;
			transactions.executeWithoutResult((status) -> {
				for (int key = 0; key < 5; key++) {
					String name = topic + "-" + key;
					written.add(outbox.send(topic, name, new Counted(name, step)));
				}
			});
		}
	}

	private static double failures(ConfigurableApplicationContext service) {
		return service.getBean(MeterRegistry.class)
			.find("orderflow.outbox.publish.failures")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	private int unpublished(String run) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox_message WHERE message_key LIKE ? AND published_at IS NULL", Integer.class,
				run + "-%");
	}

}
