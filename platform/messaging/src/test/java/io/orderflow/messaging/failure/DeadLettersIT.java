package io.orderflow.messaging.failure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.outbox.Outbox;
import io.orderflow.messaging.support.MessagingIT;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TestListeners;
import io.orderflow.messaging.support.TopicReader;
import io.orderflow.testinfra.TestTraces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static io.orderflow.messaging.support.MessagingTestApplication.REPLAY_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

@MessagingIT
class DeadLettersIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private DeadLetters deadLetters;

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private TestListeners listeners;

	@Autowired
	private TestTraces traces;

	@AfterEach
	void rejectAgain() {
		this.listeners.rejectOnReplayTopic = true;
	}

	@Test
	void listsADeadLetterWithItsOriginAndFailureThenReplaysItToItsTopicInItsTrace() {
		String key = "replayed-" + UUID.randomUUID();
		UUID messageId = sendInATrace(key);

		DeadLetter letter = awaitPending(messageId);
		assertThat(letter.originalTopic()).isEqualTo(REPLAY_TOPIC);
		assertThat(letter.consumerGroup()).isEqualTo("replay-it");
		assertThat(letter.originalOffset()).isNotNegative();
		assertThat(letter.key()).isEqualTo(key);
		assertThat(new String(letter.value(), StandardCharsets.UTF_8)).contains(key);
		assertThat(letter.exceptionClass()).isEqualTo(PermanentMessageFailure.class.getName());
		assertThat(letter.exceptionMessage()).isEqualTo("not handled until the bug is fixed");
		assertThat(letter.stackSummary()).contains(PermanentMessageFailure.class.getName());
		assertThat(letter.headers()).containsEntry(Envelope.MESSAGE_TYPE, "Counted")
			.containsKey(Envelope.TRACEPARENT)
			.doesNotContainKey("kafka_dlt-original-topic");

		this.listeners.rejectOnReplayTopic = false;
		this.deadLetters.replay(letter);

		await().atMost(TIMEOUT).until(() -> this.listeners.replayTopicHandled.contains(key));
		assertThat(this.deadLetters.find(REPLAY_TOPIC, letter.partition(), letter.offset()))
			.hasValueSatisfying((replayed) -> assertThat(replayed.status()).isEqualTo(DeadLetter.Status.REPLAYED));
		try (TopicReader topic = TopicReader.fromBeginning(REPLAY_TOPIC)) {
			List<ConsumerRecord<String, byte[]>> copies = topic
				.readUntil((read) -> copies(read, messageId).size() == 2, TIMEOUT)
				.stream()
				.filter((record) -> messageId.equals(Envelope.of(record.headers()).messageId()))
				.toList();
			ConsumerRecord<String, byte[]> replay = copies.getLast();
			assertThat(Envelope.text(replay.headers(), DeadLetters.REPLAYED_FROM)).isEqualTo(letter.id());
			assertThat(traceId(Envelope.text(replay.headers(), Envelope.TRACEPARENT)))
				.isEqualTo(traceId(letter.headers().get(Envelope.TRACEPARENT)));
			assertThat(replay.headers().headers(Envelope.TRACEPARENT)).hasSize(1);
		}
	}

	@Test
	void parksADeadLetterSoThatItIsNotReplayed() {
		String key = "parked-" + UUID.randomUUID();
		UUID messageId = sendInATrace(key);
		DeadLetter letter = awaitPending(messageId);

		this.deadLetters.park(letter);

		DeadLetter parked = this.deadLetters.find(REPLAY_TOPIC, letter.partition(), letter.offset()).orElseThrow();
		assertThat(parked.status()).isEqualTo(DeadLetter.Status.PARKED);
		assertThat(this.deadLetters.pending(REPLAY_TOPIC)).extracting(DeadLetter::id).doesNotContain(letter.id());
		assertThatIllegalStateException().isThrownBy(() -> this.deadLetters.replay(parked))
			.withMessageContaining("parked");
	}

	private UUID sendInATrace(String key) {
		Span request = this.traces.tracer("test").spanBuilder("POST /api/v1/orders").startSpan();
		try (Scope scope = request.makeCurrent()) {
			return this.transactions.execute((status) -> this.outbox.send(REPLAY_TOPIC, key, new Counted(key, 1)));
		}
		finally {
			request.end();
		}
	}

	private DeadLetter awaitPending(UUID messageId) {
		return await().atMost(TIMEOUT)
			.until(() -> this.deadLetters.pending(REPLAY_TOPIC)
				.stream()
				.filter((letter) -> messageId.toString().equals(letter.headers().get(Envelope.MESSAGE_ID)))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private static List<ConsumerRecord<String, byte[]>> copies(List<ConsumerRecord<String, byte[]>> records,
			UUID messageId) {
		return records.stream()
			.filter((record) -> messageId.equals(Envelope.of(record.headers()).messageId()))
			.toList();
	}

	private static String traceId(String traceparent) {
		return traceparent.split("-")[1];
	}

}
