package io.orderflow.messaging.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageContext;
import org.jspecify.annotations.Nullable;

/**
 * The envelope headers of a message being written, captured from the sender's context.
 */
final class OutgoingHeaders {

	/** Set here only; a caller cannot forge them. */
	private static final Set<String> RESERVED = Set.of(Envelope.MESSAGE_ID, Envelope.MESSAGE_TYPE, Envelope.OCCURRED_AT,
			Envelope.TRACEPARENT, Envelope.TRACESTATE);

	private OutgoingHeaders() {
	}

	/**
	 * The headers of a new message: its id, type and time; the correlation id, causation
	 * id and idempotency key from {@code explicit}, else from the message being handled
	 * ({@link MessageContext}), a new conversation correlating with the message itself;
	 * the current OpenTelemetry trace context as W3C {@code traceparent} and
	 * {@code tracestate}; then the other {@code explicit} headers.
	 */
	static Map<String, String> of(UUID messageId, String type, Instant occurredAt, Map<String, String> explicit) {
		for (String name : explicit.keySet()) {
			if (RESERVED.contains(name)) {
				throw new IllegalArgumentException("Header " + name + " is set by the outbox, not by callers");
			}
		}
		Optional<Envelope> cause = MessageContext.current();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(Envelope.MESSAGE_ID, messageId.toString());
		headers.put(Envelope.MESSAGE_TYPE, type);
		headers.put(Envelope.OCCURRED_AT, occurredAt.toString());
		putFirst(headers, Envelope.CORRELATION_ID, explicit.get(Envelope.CORRELATION_ID),
				cause.map(Envelope::correlationId).orElse(null), messageId.toString());
		putFirst(headers, Envelope.CAUSATION_ID, explicit.get(Envelope.CAUSATION_ID),
				cause.map((envelope) -> envelope.messageId().toString()).orElse(null));
		putFirst(headers, Envelope.IDEMPOTENCY_KEY, explicit.get(Envelope.IDEMPOTENCY_KEY),
				cause.map(Envelope::idempotencyKey).orElse(null));
		explicit.forEach(headers::putIfAbsent);
		W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
		return headers;
	}

	private static void putFirst(Map<String, String> headers, String name, @Nullable String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null) {
				headers.put(name, candidate);
				return;
			}
		}
	}

}
