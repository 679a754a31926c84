package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.support.RelayInstances;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service whose relay was gone between commit and publish: a crash, as far as the rows
 * know.
 */
class RelayRestartIT {

	private static final String DATABASE = "relay_restart";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final String topic = "relay-restart-" + UUID.randomUUID();

	@Test
	void publishesWhatWasCommittedWhileNoRelayRanOnceOneStartsAndEachMessageOnce() {
		RelayInstances.createTopic(this.topic, 3);
		Set<UUID> beforeStop = ConcurrentHashMap.newKeySet();
		try (ConfigurableApplicationContext service = RelayInstances.start(DATABASE)) {
			write(service, 10, beforeStop);
			try (TopicReader reader = TopicReader.fromBeginning(this.topic)) {
				reader.readUntilAll(beforeStop, TIMEOUT);
			}
		}

		Set<UUID> whileStopped = ConcurrentHashMap.newKeySet();
		try (ConfigurableApplicationContext writer = RelayInstances.start(DATABASE,
				"orderflow.messaging.relay.enabled=false")) {
			write(writer, 100, whileStopped);
			assertThat(unpublished(writer)).isEqualTo(100);

			try (ConfigurableApplicationContext restarted = RelayInstances.start(DATABASE)) {
				try (TopicReader reader = TopicReader.fromBeginning(this.topic)) {
					List<ConsumerRecord<String, byte[]>> records = reader.readUntilAll(whileStopped, TIMEOUT);
					Map<UUID, Long> copies = records.stream()
						.collect(Collectors.groupingBy((record) -> Envelope.of(record.headers()).messageId(),
								Collectors.counting()));
					assertThat(copies.keySet()).containsAll(beforeStop).containsAll(whileStopped).hasSize(110);
					assertThat(copies.values()).allMatch((count) -> count == 1);
				}
				await().atMost(TIMEOUT).until(() -> unpublished(writer) == 0);
			}
		}
	}

	private void write(ConfigurableApplicationContext instance, int messages, Set<UUID> written) {
		Outbox outbox = instance.getBean(Outbox.class);
		TransactionTemplate transactions = instance.getBean(TransactionTemplate.class);
		for (int sequence = 0; sequence < messages; sequence++) {
			int step = sequence;
			transactions.executeWithoutResult((status) -> {
				String key = this.topic + "-" + (step % 4);
				written.add(outbox.send(this.topic, key, new Counted(key, step)));
			});
		}
	}

	private int unpublished(ConfigurableApplicationContext instance) {
		return instance.getBean(JdbcTemplate.class)
			.queryForObject("SELECT count(*) FROM outbox_message WHERE topic = ? AND published_at IS NULL",
					Integer.class, this.topic);
	}

}
