package io.orderflow.messaging.envelope;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes what the module re-publishes (dead letters, replays): raw bytes as they are (a
 * record that never deserialized keeps its original value), text as UTF-8, message
 * records as their JSON.
 */
public final class EnvelopeSerializer implements Serializer<Object> {

	private final MessageCodec codec;

	public EnvelopeSerializer(MessageCodec codec) {
		this.codec = codec;
	}

	@Override
	public byte[] serialize(String topic, Object data) {
		return switch (data) {
			case null -> null;
			case byte[] bytes -> bytes;
			case String text -> text.getBytes(StandardCharsets.UTF_8);
			default -> this.codec.toJson(data);
		};
	}

}
