package io.orderflow.messaging.envelope;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The metadata of one message, carried in native Kafka headers beside the JSON payload
 * (DESIGN.md §2). The header names are the constants of this class.
 *
 * @param messageId unique per message; the key consumers deduplicate by
 * @param messageType the logical name of the payload, e.g. {@code StockReserved}
 * @param occurredAt when the producer recorded the message
 * @param correlationId the conversation the message belongs to (the order id for the
 * saga)
 * @param causationId the message id of the message whose handling produced this one
 * @param idempotencyKey the client's key, carried end to end
 */
public record Envelope(UUID messageId, String messageType, @Nullable Instant occurredAt, @Nullable String correlationId,
		@Nullable String causationId, @Nullable String idempotencyKey) {

	public static final String MESSAGE_ID = "message-id";

	public static final String MESSAGE_TYPE = "message-type";

	public static final String OCCURRED_AT = "occurred-at";

	public static final String CORRELATION_ID = "correlation-id";

	public static final String CAUSATION_ID = "causation-id";

	public static final String IDEMPOTENCY_KEY = "idempotency-key";

	/** W3C trace context, written and read by OpenTelemetry propagators only. */
	public static final String TRACEPARENT = "traceparent";

	/** W3C trace context, written and read by OpenTelemetry propagators only. */
	public static final String TRACESTATE = "tracestate";

	/**
	 * Reads the envelope of a consumed record.
	 * @throws InvalidEnvelopeException when the message id or type is missing or
	 * malformed: such a record can never be processed
	 */
	public static Envelope of(Headers headers) {
		String messageId = required(headers, MESSAGE_ID);
		UUID id;
		try {
			id = UUID.fromString(messageId);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidEnvelopeException("Header " + MESSAGE_ID + " is not a UUID: " + messageId);
		}
		return new Envelope(id, required(headers, MESSAGE_TYPE), occurredAt(headers), text(headers, CORRELATION_ID),
				text(headers, CAUSATION_ID), text(headers, IDEMPOTENCY_KEY));
	}

	/** The last value of a header as UTF-8 text, or null when absent. */
	public static @Nullable String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		if (header == null || header.value() == null) {
			return null;
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	private static String required(Headers headers, String name) {
		String value = text(headers, name);
		if (value == null || value.isBlank()) {
			throw new InvalidEnvelopeException("Header " + name + " is missing");
		}
		return value;
	}

	private static @Nullable Instant occurredAt(Headers headers) {
		String value = text(headers, OCCURRED_AT);
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			// Informational only: a producer's odd clock format must not make a message
			// unprocessable.
			return null;
		}
	}

}
