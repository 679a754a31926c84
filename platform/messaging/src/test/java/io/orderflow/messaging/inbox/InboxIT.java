package io.orderflow.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.outbox.Outbox;
import io.orderflow.messaging.support.MessagingIT;
import io.orderflow.messaging.support.SideEffects;
import io.orderflow.messaging.support.TestEvent;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TestListeners;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.orderflow.messaging.support.MessagingTestApplication.INBOX_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@MessagingIT
class InboxIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private Inbox inbox;

	@Autowired
	private Outbox outbox;

	@Autowired
	private SideEffects sideEffects;

	@Autowired
	private TestListeners listeners;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void handlesAMessageDeliveredTwiceOnce() throws Exception {
		UUID messageId = UUID.randomUUID();
		ProducerRecord<String, byte[]> record = record(INBOX_TOPIC, messageId, "Counted",
				"{\"key\":\"twice\",\"sequence\":1}");

		try (KafkaProducer<String, byte[]> producer = producer()) {
			producer.send(record).get(30, TimeUnit.SECONDS);
			producer.send(record).get(30, TimeUnit.SECONDS);
		}

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.listeners.inboxDeliveries).filteredOn(messageId::equals).hasSize(2));
		assertThat(this.sideEffects.count(messageId)).isOne();
	}

	@Test
	void handlesConcurrentDuplicatesOnceTheSecondWaitingForTheFirst() throws Exception {
		ConsumerRecord<String, TestEvent> record = consumed(UUID.randomUUID(), new Counted("concurrent", 1));
		AtomicInteger handled = new AtomicInteger();
		CountDownLatch firstInHandler = new CountDownLatch(1);

		try (ExecutorService consumers = Executors.newFixedThreadPool(2)) {
			Future<Boolean> first = consumers.submit(() -> this.inbox.receive("concurrency-test", record, (event) -> {
				handled.incrementAndGet();
				this.sideEffects.record(messageIdOf(record), "concurrent");
				firstInHandler.countDown();
				awaitAnotherTransactionBlockedOnTheInbox();
			}));
			assertThat(firstInHandler.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> second = consumers
				.submit(() -> this.inbox.receive("concurrency-test", record, (event) -> handled.incrementAndGet()));

			assertThat(List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS))).containsExactly(true,
					false);
		}
		assertThat(handled).hasValue(1);
		assertThat(this.sideEffects.count(messageIdOf(record))).isOne();
	}

	@Test
	void handlesAConcurrentDuplicateWhenTheFirstRollsBack() throws Exception {
		ConsumerRecord<String, TestEvent> record = consumed(UUID.randomUUID(), new Counted("rolled-back", 1));
		CountDownLatch firstInHandler = new CountDownLatch(1);

		try (ExecutorService consumers = Executors.newFixedThreadPool(2)) {
			Future<Boolean> first = consumers.submit(() -> this.inbox.receive("rollback-test", record, (event) -> {
				this.sideEffects.record(messageIdOf(record), "rolled back");
				firstInHandler.countDown();
				awaitAnotherTransactionBlockedOnTheInbox();
				throw new IllegalStateException("handler failed");
			}));
			assertThat(firstInHandler.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> second = consumers.submit(() -> this.inbox.receive("rollback-test", record,
					(event) -> this.sideEffects.record(messageIdOf(record), "committed")));

			assertThat(second.get(60, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).hasRootCauseMessage("handler failed");
		}
		assertThat(this.jdbc.queryForList("SELECT description FROM side_effect WHERE message_id = ?", String.class,
				messageIdOf(record)))
			.containsExactly("committed");
	}

	@Test
	void handlesTheSameMessageOnceForEachConsumer() {
		ConsumerRecord<String, TestEvent> record = consumed(UUID.randomUUID(), new Counted("two-consumers", 1));

		assertThat(this.inbox.receive("projection-a", record, (event) -> {
		})).isTrue();
		assertThat(this.inbox.receive("projection-b", record, (event) -> {
		})).isTrue();
		assertThat(this.inbox.receive("projection-a", record, (event) -> {
		})).isFalse();
	}

	@Test
	void givesWhatAHandlerSendsTheCausationCorrelationAndIdempotencyKeyOfTheMessageHandled() {
		UUID incoming = UUID.randomUUID();
		ConsumerRecord<String, TestEvent> record = consumed(incoming, new Counted("caused", 1));
		record.headers().add(Envelope.CORRELATION_ID, bytes("order-42"));
		record.headers().add(Envelope.IDEMPOTENCY_KEY, bytes("client-key-42"));

		UUID[] sent = new UUID[1];
		this.inbox.receive("causation-test", record,
				(event) -> sent[0] = this.outbox.send("outbox-it", "caused", new Counted("caused", 2)));

		Map<String, Object> headers = this.jdbc
			.queryForMap("SELECT headers->>'causation-id' AS causation, headers->>'correlation-id' AS correlation, "
					+ "headers->>'idempotency-key' AS idempotency FROM outbox_message WHERE headers->>'message-id' = ?",
					sent[0].toString());
		assertThat(headers).containsEntry("causation", incoming.toString())
			.containsEntry("correlation", "order-42")
			.containsEntry("idempotency", "client-key-42");
	}

	@Test
	void namesTheConsumerAfterTheListenersGroupOrAsksForAName() {
		ConsumerRecord<String, TestEvent> record = consumed(UUID.randomUUID(), new Counted("nameless", 1));

		assertThatIllegalStateException().isThrownBy(() -> this.inbox.receive(record, (event) -> {
		})).withMessageContaining("consumer group");
	}

	/**
	 * Blocks until another backend waits for a lock on {@code processed_message}: the
	 * concurrent duplicate has reached its insert and waits for this transaction.
	 */
	private void awaitAnotherTransactionBlockedOnTheInbox() {
		try (var connection = TestInfrastructure.postgres().database("messaging_it").connect();
				var statement = connection.prepareStatement("""
						SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
						AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO processed_message%'""")) {
			await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> {
				try (var result = statement.executeQuery()) {
					result.next();
					return result.getInt(1) > 0;
				}
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ConsumerRecord<String, TestEvent> consumed(UUID messageId, TestEvent event) {
		ConsumerRecord<String, TestEvent> record = new ConsumerRecord<>("inbox-test", 0, 0, "key", event);
		record.headers().add(Envelope.MESSAGE_ID, bytes(messageId.toString()));
		record.headers().add(Envelope.MESSAGE_TYPE, bytes(event.getClass().getSimpleName()));
		return record;
	}

	private static UUID messageIdOf(ConsumerRecord<?, ?> record) {
		return Envelope.of(record.headers()).messageId();
	}

	static ProducerRecord<String, byte[]> record(String topic, UUID messageId, String type, String json) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, bytes(messageId.toString()));
		headers.add(Envelope.MESSAGE_TYPE, bytes(type));
		return new ProducerRecord<>(topic, null, "key", bytes(json), headers);
	}

	static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new ByteArraySerializer());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
