package io.orderflow.messaging.failure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.InvalidPayloadException;
import io.orderflow.messaging.envelope.UnknownMessageTypeException;
import io.orderflow.messaging.support.MessagingIT;
import io.orderflow.messaging.support.SideEffects;
import io.orderflow.messaging.support.TestListeners;
import io.orderflow.messaging.support.TopicReader;
import io.orderflow.testinfra.PostgresServer;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;

import static io.orderflow.messaging.support.MessagingTestApplication.DATABASE_DOWN_TOPIC;
import static io.orderflow.messaging.support.MessagingTestApplication.DEAD_LETTER_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MessagingIT
class DeadLetterIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private TestListeners listeners;

	@Autowired
	private SideEffects sideEffects;

	@Autowired
	private MeterRegistry meters;

	@Test
	void deadLettersUnreadableAndRejectedRecordsAtOnceWhileTheFollowingRecordsAreProcessed() throws Exception {
		String run = UUID.randomUUID().toString();
		UUID notJson = UUID.randomUUID();
		UUID unknownType = UUID.randomUUID();
		UUID rejected = UUID.randomUUID();
		double permanentFailuresBefore = failures("permanent", DEAD_LETTER_TOPIC);

		try (KafkaProducer<String, byte[]> producer = producer()) {
			send(producer, record(DEAD_LETTER_TOPIC, UUID.randomUUID(), "Counted", counted(run + "-before")));
			send(producer, record(DEAD_LETTER_TOPIC, notJson, "Counted", "this is not json"));
			send(producer, record(DEAD_LETTER_TOPIC, unknownType, "CountedTwice", counted(run + "-unknown")));
			send(producer, record(DEAD_LETTER_TOPIC, rejected, "Rejected", "{\"reason\":\"never valid\"}"));
			send(producer, record(DEAD_LETTER_TOPIC, UUID.randomUUID(), "Counted", counted(run + "-after")));
		}

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.listeners.deadLetterTopicHandled).contains(run + "-after"));
		assertThat(this.listeners.deadLetterTopicHandled).filteredOn((key) -> key.startsWith(run))
			.containsExactly(run + "-before", run + "-after");

		try (TopicReader deadLetters = TopicReader.fromBeginning(DeadLetterPublishing.topicFor(DEAD_LETTER_TOPIC))) {
			Map<UUID, ConsumerRecord<String, byte[]>> byId = byMessageId(deadLetters.readUntil(
					(read) -> TopicReader.messageIds(read).containsAll(List.of(notJson, unknownType, rejected)),
					TIMEOUT));

			ConsumerRecord<String, byte[]> unreadable = byId.get(notJson);
			assertThat(new String(unreadable.value(), StandardCharsets.UTF_8)).isEqualTo("this is not json");
			assertThat(header(unreadable, KafkaHeaders.DLT_EXCEPTION_FQCN))
				.isEqualTo(DeserializationException.class.getName());
			assertThat(header(unreadable, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).startsWith("tools.jackson");
			assertThat(header(unreadable, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("not a valid Counted");
			assertThat(header(unreadable, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
				.contains("Caused by: " + InvalidPayloadException.class.getName());
			assertThat(header(unreadable, Envelope.MESSAGE_TYPE)).isEqualTo("Counted");
			assertOriginOnTheSourcePartition(unreadable);

			ConsumerRecord<String, byte[]> unknown = byId.get(unknownType);
			assertThat(new String(unknown.value(), StandardCharsets.UTF_8)).isEqualTo(counted(run + "-unknown"));
			assertThat(header(unknown, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
				.contains(UnknownMessageTypeException.class.getName());
			assertThat(header(unknown, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("CountedTwice");
			assertOriginOnTheSourcePartition(unknown);

			ConsumerRecord<String, byte[]> refused = byId.get(rejected);
			assertThat(new String(refused.value(), StandardCharsets.UTF_8)).isEqualTo("{\"reason\":\"never valid\"}");
			assertThat(header(refused, KafkaHeaders.DLT_EXCEPTION_FQCN))
				.isEqualTo(PermanentMessageFailure.class.getName());
			assertThat(header(refused, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("never valid");
			assertThat(header(refused, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("dead-letter-it");
			assertOriginOnTheSourcePartition(refused);
		}
		// Each failed once and was dead-lettered: no retries.
		assertThat(failures("permanent", DEAD_LETTER_TOPIC) - permanentFailuresBefore).isEqualTo(3);
	}

	@Test
	void retriesAListenerWhoseDatabaseIsDownUntilItIsBackAndDeadLettersNothing() throws Exception {
		UUID messageId = UUID.randomUUID();
		double transientFailuresBefore = failures("transient", DATABASE_DOWN_TOPIC);
		PostgresServer postgres = TestInfrastructure.postgres();

		postgres.stop();
		try (KafkaProducer<String, byte[]> producer = producer()) {
			send(producer, record(DATABASE_DOWN_TOPIC, messageId, "Counted", counted("database-down")));
			await().atMost(TIMEOUT)
				.until(() -> failures("transient", DATABASE_DOWN_TOPIC) - transientFailuresBefore >= 2);
		}
		finally {
			postgres.start();
		}

		// The pool reconnects at its own pace once the server is back.
		await().atMost(TIMEOUT).ignoreExceptions().until(() -> this.sideEffects.count(messageId) == 1);
		assertThat(endOffset(DeadLetterPublishing.topicFor(DATABASE_DOWN_TOPIC))).isZero();
		assertThat(deadLettered(DATABASE_DOWN_TOPIC)).isZero();
	}

	private static void assertOriginOnTheSourcePartition(ConsumerRecord<String, byte[]> deadLetter) {
		assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(DEAD_LETTER_TOPIC);
		assertThat(
				ByteBuffer.wrap(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
			.isZero();
		assertThat(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).hasSize(Long.BYTES);
		assertThat(deadLetter.partition()).isZero();
	}

	private double failures(String kind, String topic) {
		Counter counter = this.meters.find("orderflow.messaging.consumer.failures")
			.tags("kind", kind, "topic", topic)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double deadLettered(String topic) {
		Counter counter = this.meters.find("orderflow.messaging.consumer.dead.lettered").tags("topic", topic).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static long endOffset(String topic) throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
			return admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest()))
				.all()
				.get(30, TimeUnit.SECONDS)
				.values()
				.iterator()
				.next()
				.offset();
		}
	}

	private static Map<UUID, ConsumerRecord<String, byte[]>> byMessageId(List<ConsumerRecord<String, byte[]>> records) {
		Map<UUID, ConsumerRecord<String, byte[]>> byId = new HashMap<>();
		records.forEach((record) -> byId.put(Envelope.of(record.headers()).messageId(), record));
		return byId;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return Envelope.text(record.headers(), name);
	}

	private static String counted(String key) {
		return "{\"key\":\"" + key + "\",\"sequence\":1}";
	}

	private static ProducerRecord<String, byte[]> record(String topic, UUID messageId, String type, String json) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, messageId.toString().getBytes(StandardCharsets.UTF_8));
		headers.add(Envelope.MESSAGE_TYPE, type.getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(topic, null, "key", json.getBytes(StandardCharsets.UTF_8), headers);
	}

	private static void send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record)
			throws Exception {
		producer.send(record).get(30, TimeUnit.SECONDS);
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new ByteArraySerializer());
	}

}
