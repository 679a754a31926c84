package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.UUID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.orderflow.messaging.support.MessagingIT;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TestListeners;
import io.orderflow.messaging.support.TestListeners.ObservedTrace;
import io.orderflow.testinfra.TestTraces;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static io.orderflow.messaging.support.MessagingTestApplication.TRACE_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace of the transaction that wrote an outbox row continues in the consumer, as it
 * would with the OpenTelemetry agent: the test wires the agent's Kafka instrumentation as
 * library interceptors, and the relay only makes the row's context current.
 */
@MessagingIT
class TraceThroughOutboxIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Autowired
	private Outbox outbox;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private TestListeners listeners;

	@Autowired
	private TestTraces traces;

	@Test
	void givesTheConsumersSpanTheTraceOfTheTransactionThatWroteTheRow() {
		String key = "traced-" + UUID.randomUUID();
		Span request = this.traces.tracer("test").spanBuilder("POST /api/v1/orders").startSpan();
		try (Scope scope = request.makeCurrent()) {
			this.transactions.executeWithoutResult((status) -> this.outbox.send(TRACE_TOPIC, key, new Counted(key, 1)));
		}
		finally {
			request.end();
		}
		String traceId = request.getSpanContext().getTraceId();

		await().atMost(TIMEOUT).until(() -> this.listeners.traces.containsKey(key));
		ObservedTrace observed = this.listeners.traces.get(key);
		assertThat(observed.traceId()).isEqualTo(traceId);
		assertThat(observed.traceparentHeaders()).isOne();

		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(this.traces.trace(traceId)).extracting(SpanData::getKind)
				.contains(SpanKind.PRODUCER, SpanKind.CONSUMER));
		SpanData producer = this.traces.trace(traceId)
			.stream()
			.filter((span) -> span.getKind() == SpanKind.PRODUCER)
			.findFirst()
			.orElseThrow();
		assertThat(producer.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
		// The record carries the producer span's context, not a copy of the stored one.
		assertThat(observed.traceparent()).isEqualTo("00-" + traceId + "-" + producer.getSpanId() + "-01");
	}

}
