package io.orderflow.messaging.outbox;

import java.time.Instant;
import java.util.Map;

/** One unpublished message as the relay reads it. */
record OutboxRow(long id, String topic, String key, String messageType, byte[] payload, Map<String, String> headers,
		Instant createdAt) {
}
