package io.orderflow.messaging.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.api.trace.Span;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import io.orderflow.messaging.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

/** The test application's listeners, recording what they saw. */
public class TestListeners {

	private final Inbox inbox;

	private final SideEffects sideEffects;

	/** Message ids in delivery order, duplicates included. */
	public final List<UUID> inboxDeliveries = new CopyOnWriteArrayList<>();

	/** Keys of the Counted messages handled on the dead-letter test topic, in order. */
	public final List<String> deadLetterTopicHandled = new CopyOnWriteArrayList<>();

	/** Keys handled on the replay test topic. */
	public final List<String> replayTopicHandled = new CopyOnWriteArrayList<>();

	/**
	 * While set, the replay test topic's handler refuses every message: a bug not yet
	 * fixed.
	 */
	public volatile boolean rejectOnReplayTopic = true;

	/** What the trace test's listener saw, by record key. */
	public final Map<String, ObservedTrace> traces = new ConcurrentHashMap<>();

	TestListeners(Inbox inbox, SideEffects sideEffects) {
		this.inbox = inbox;
		this.sideEffects = sideEffects;
	}

	@KafkaListener(topics = MessagingTestApplication.INBOX_TOPIC, groupId = "inbox-it")
	void onInboxTopic(ConsumerRecord<String, TestEvent> record) {
		UUID messageId = Envelope.of(record.headers()).messageId();
		this.inboxDeliveries.add(messageId);
		this.inbox.receive(record, (event) -> this.sideEffects.record(messageId, "handled " + event));
	}

	@KafkaListener(topics = MessagingTestApplication.DEAD_LETTER_TOPIC, groupId = "dead-letter-it")
	void onDeadLetterTestTopic(ConsumerRecord<String, TestEvent> record) {
		this.inbox.receive(record, (event) -> {
			switch (event) {
				case TestEvent.Counted counted -> this.deadLetterTopicHandled.add(counted.key());
				case TestEvent.Rejected rejected -> throw new PermanentMessageFailure(rejected.reason());
			}
		});
	}

	@KafkaListener(topics = MessagingTestApplication.DATABASE_DOWN_TOPIC, groupId = "database-down-it")
	void onDatabaseDownTopic(ConsumerRecord<String, TestEvent> record) {
		UUID messageId = Envelope.of(record.headers()).messageId();
		this.inbox.receive(record, (event) -> this.sideEffects.record(messageId, "handled " + event));
	}

	@KafkaListener(topics = MessagingTestApplication.REPLAY_TOPIC, groupId = "replay-it")
	void onReplayTopic(ConsumerRecord<String, TestEvent> record) {
		this.inbox.receive(record, (event) -> {
			if (this.rejectOnReplayTopic) {
				throw new PermanentMessageFailure("not handled until the bug is fixed");
			}
			this.replayTopicHandled.add(record.key());
		});
	}

	@KafkaListener(topics = MessagingTestApplication.TRACE_TOPIC, groupId = "trace-it")
	void onTraceTopic(ConsumerRecord<String, TestEvent> record) {
		int traceparents = 0;
		for (var ignored : record.headers().headers(Envelope.TRACEPARENT)) {
			traceparents++;
		}
		this.traces.put(record.key(), new ObservedTrace(Span.current().getSpanContext().getTraceId(),
				Envelope.text(record.headers(), Envelope.TRACEPARENT), traceparents));
	}

	/**
	 * @param traceId the trace of the span current while the listener ran
	 * @param traceparent the record's traceparent header
	 * @param traceparentHeaders how many traceparent headers the record carried
	 */
	public record ObservedTrace(String traceId, String traceparent, int traceparentHeaders) {
	}

}
