package io.orderflow.messaging.envelope;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record's value as the message its {@code message-type} header names. Always
 * used inside Spring Kafka's {@code ErrorHandlingDeserializer}, which turns the
 * exceptions thrown here into a dead letter instead of a poison pill.
 */
public final class EnvelopeDeserializer implements Deserializer<Object> {

	private final MessageCodec codec;

	public EnvelopeDeserializer(MessageCodec codec) {
		this.codec = codec;
	}

	@Override
	public Object deserialize(String topic, byte[] data) {
		throw new InvalidEnvelopeException("A message is read with its headers; record on " + topic + " came without");
	}

	@Override
	public Object deserialize(String topic, Headers headers, byte[] data) {
		String type = Envelope.text(headers, Envelope.MESSAGE_TYPE);
		if (type == null) {
			throw new InvalidEnvelopeException("Header " + Envelope.MESSAGE_TYPE + " is missing");
		}
		if (data == null) {
			throw new InvalidPayloadException("Message " + type + " has no payload", null);
		}
		return this.codec.decode(type, data);
	}

}
