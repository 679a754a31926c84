package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.orderflow.messaging.support.MessagingIT;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TopicReader;
import io.orderflow.testinfra.KafkaBroker;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

	private int unpublished(String run) {
		return this.jdbc.queryForObject(
				"SELECT count(*) FROM outbox_message WHERE message_key LIKE ? AND published_at IS NULL", Integer.class,
				run + "-%");
	}

}
