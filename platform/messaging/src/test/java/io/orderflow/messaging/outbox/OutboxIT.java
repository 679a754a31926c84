package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.UnknownMessageTypeException;
import io.orderflow.messaging.support.MessagingIT;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static io.orderflow.messaging.support.MessagingTestApplication.OUTBOX_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@MessagingIT
class OutboxIT {

	private static final Duration PUBLISHED = Duration.ofSeconds(60);

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void publishesWhatACommittedTransactionSent() {
		String key = "commit-" + UUID.randomUUID();

		UUID messageId = this.transactions
			.execute((status) -> this.outbox.send(OUTBOX_TOPIC, key, new Counted(key, 1)));

		try (TopicReader topic = TopicReader.fromBeginning(OUTBOX_TOPIC)) {
			ConsumerRecord<String, byte[]> record = topic.readUntilAll(Set.of(messageId), PUBLISHED)
				.stream()
				.filter((read) -> key.equals(read.key()))
				.findFirst()
				.orElseThrow();
			assertThat(new String(record.value())).isEqualTo("{\"key\":\"" + key + "\",\"sequence\":1}");
			assertThat(Envelope.of(record.headers()).messageType()).isEqualTo("Counted");
			assertThat(Envelope.of(record.headers()).correlationId()).isEqualTo(messageId.toString());
		}
		await().atMost(PUBLISHED).until(() -> publishedAt(messageId) != null);
	}

	@Test
	void publishesNothingForARolledBackTransaction() {
		String key = "rollback-" + UUID.randomUUID();
		Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();

		this.transactions.executeWithoutResult((status) -> {
			rolledBack.add(this.outbox.send(OUTBOX_TOPIC, key, new Counted(key, 1)));
			status.setRollbackOnly();
		});
		// The same key and partition after it: once this arrives, the other would have.
		UUID committed = this.transactions
			.execute((status) -> this.outbox.send(OUTBOX_TOPIC, key, new Counted(key, 2)));

		try (TopicReader topic = TopicReader.fromBeginning(OUTBOX_TOPIC)) {
			List<ConsumerRecord<String, byte[]>> records = topic.readUntilAll(Set.of(committed), PUBLISHED);
			assertThat(TopicReader.messageIds(records)).doesNotContainAnyElementsOf(rolledBack);
		}
		assertThat(rowsOf(key)).containsExactly(committed.toString());
	}

	@Test
	void publishesExactlyTheRowsOfCommittedTransactions() throws Exception {
		String run = "exact-" + UUID.randomUUID();
		Set<UUID> committed = ConcurrentHashMap.newKeySet();
		Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();

		try (ExecutorService writers = Executors.newFixedThreadPool(4)) {
			for (int transaction = 0; transaction < 40; transaction++) {
				int number = transaction;
				writers.submit(() -> this.transactions.executeWithoutResult((status) -> {
					Set<UUID> sent = ConcurrentHashMap.newKeySet();
					for (int message = 0; message < 3; message++) {
						String key = run + "-" + (number % 7);
						sent.add(this.outbox.send(OUTBOX_TOPIC, key, new Counted(key, number * 3 + message)));
					}
					if (number % 2 == 0) {
						committed.addAll(sent);
					}
					else {
						rolledBack.addAll(sent);
						status.setRollbackOnly();
					}
				}));
			}
		}

		assertThat(committed).hasSize(60);
		try (TopicReader topic = TopicReader.fromBeginning(OUTBOX_TOPIC)) {
			List<ConsumerRecord<String, byte[]>> records = topic.readUntilAll(committed, PUBLISHED);
			assertThat(TopicReader.messageIds(records)).doesNotContainAnyElementsOf(rolledBack);
		}
		assertThat(rowsOf(run + "-%"))
			.containsExactlyInAnyOrderElementsOf(committed.stream().map(UUID::toString).toList());
	}

	@Test
	void refusesToSendOutsideATransaction() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.outbox.send(OUTBOX_TOPIC, "no-transaction", new Counted("no-transaction", 1)))
			.withMessageContaining("active transaction");
		assertThat(rowsOf("no-transaction")).isEmpty();
	}

	@Test
	void refusesAMessageOfAnUnregisteredType() {
		assertThatExceptionOfType(UnknownMessageTypeException.class).isThrownBy(() -> this.transactions
			.executeWithoutResult((status) -> this.outbox.send(OUTBOX_TOPIC, "unregistered", "just a string")));
	}

	@Test
	void measuresBacklogAndPublishLatency() {
		String key = "metrics-" + UUID.randomUUID();
		List<UUID> sent = IntStream.range(0, 5)
			.mapToObj((i) -> this.transactions
				.execute((status) -> this.outbox.send(OUTBOX_TOPIC, key, new Counted(key, i))))
			.toList();

		await().atMost(PUBLISHED).until(() -> sent.stream().allMatch((id) -> publishedAt(id) != null));

		assertThat(this.meters.get("orderflow.outbox.publish.latency").timer().count()).isGreaterThanOrEqualTo(5);
		assertThat(this.meters.get("orderflow.outbox.published").counter().count()).isGreaterThanOrEqualTo(5);
		assertThat(this.meters.get("orderflow.outbox.relay.leader").gauge().value()).isEqualTo(1.0);
		await().atMost(PUBLISHED)
			.untilAsserted(() -> assertThat(this.meters.get("orderflow.outbox.backlog").gauge().value()).isZero());
		assertThat(this.meters.get("orderflow.outbox.oldest.age").timeGauge().value()).isZero();
	}

	@Test
	void holdsTheLeadershipLockOnAConnectionOutsideThePool() {
		Integer holders = this.jdbc.queryForObject("""
				SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'orderflow-outbox-relay'
				AND a.datname = current_database()""", Integer.class);

		assertThat(holders).isOne();
	}

	@Test
	void deletesPublishedRowsPastTheRetentionAndKeepsTheRest() {
		String key = "retention-" + UUID.randomUUID();
		for (String age : List.of("10 days", "8 days", "1 hour")) {
			this.jdbc.update(
					"""
							INSERT INTO outbox_message (topic, message_key, message_type, payload, headers, created_at, published_at)
							VALUES ('outbox-it', ?, 'Counted', '{}', '{}', now() - ?::interval, now() - ?::interval)""",
					key, age, age);
		}
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		this.jdbc.update(
				"INSERT INTO processed_message (consumer, message_id, processed_at) VALUES "
						+ "('retention-test', ?, now() - interval '31 days'), ('retention-test', ?, now())",
				old, recent);

		OutboxStore store = new OutboxStore(this.jdbc);
		store.deletePublishedOlderThan(Duration.ofDays(7), 100_000);
		store.deleteProcessedOlderThan(Duration.ofDays(30), 5_000);

		assertThat(this.jdbc.queryForList(
				"SELECT extract(day FROM now() - published_at)::int FROM outbox_message WHERE message_key = ?",
				Integer.class, key))
			.containsExactly(0);
		assertThat(this.jdbc.queryForList("SELECT message_id FROM processed_message WHERE consumer = 'retention-test'",
				UUID.class))
			.containsExactly(recent);
	}

	private List<String> rowsOf(String keyPattern) {
		return this.jdbc.queryForList("SELECT headers->>'message-id' FROM outbox_message WHERE message_key LIKE ?",
				String.class, keyPattern);
	}

	private Object publishedAt(UUID messageId) {
		return this.jdbc
			.queryForList("SELECT published_at FROM outbox_message WHERE headers->>'message-id' = ?",
					messageId.toString())
			.stream()
			.findFirst()
			.map((row) -> row.get("published_at"))
			.orElse(null);
	}

}
