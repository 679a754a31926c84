package io.orderflow.messaging.envelope;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageCodecTests {

	private final MessageCodec codec = new MessageCodec(MessageTypes.of(PaymentEvent.class));

	private final EnvelopeDeserializer deserializer = new EnvelopeDeserializer(this.codec);

	@Test
	void encodesTheLogicalTypeNameAndTheRecordAsJson() {
		MessageCodec.Encoded encoded = this.codec
			.encode(new PaymentCharged("order-1", new BigDecimal("12.50"), Instant.parse("2026-01-02T03:04:05Z")));

		assertThat(encoded.type()).isEqualTo("PaymentCharged");
		assertThat(encoded.json())
			.isEqualTo("{\"orderId\":\"order-1\",\"amount\":12.50,\"chargedAt\":\"2026-01-02T03:04:05Z\"}");
	}

	@Test
	void readsARecordByTheTypeHeader() {
		Object message = this.deserializer.deserialize("payment.events", headers("PaymentDeclined"),
				bytes("{\"orderId\":\"order-1\",\"reason\":\"card declined\"}"));

		assertThat(message).isEqualTo(new PaymentDeclined("order-1", "card declined"));
	}

	@Test
	void ignoresFieldsAddedByANewerProducer() {
		Object message = this.deserializer.deserialize("payment.events", headers("PaymentDeclined"),
				bytes("{\"orderId\":\"order-1\",\"reason\":\"r\",\"retryable\":false}"));

		assertThat(message).isEqualTo(new PaymentDeclined("order-1", "r"));
	}

	@Test
	void failsWithUnknownMessageTypeForATypeNobodyRegistered() {
		assertThatExceptionOfType(UnknownMessageTypeException.class)
			.isThrownBy(
					() -> this.deserializer.deserialize("payment.events", headers("PaymentTeleported"), bytes("{}")))
			.withMessageContaining("PaymentTeleported");
	}

	@Test
	void failsWithInvalidEnvelopeWithoutTypeHeader() {
		assertThatExceptionOfType(InvalidEnvelopeException.class)
			.isThrownBy(() -> this.deserializer.deserialize("payment.events", new RecordHeaders(), bytes("{}")));
	}

	@Test
	void failsWithInvalidPayloadForJsonThatIsNotTheRecord() {
		assertThatExceptionOfType(InvalidPayloadException.class).isThrownBy(
				() -> this.deserializer.deserialize("payment.events", headers("PaymentDeclined"), bytes("not json")))
			.withMessageContaining("PaymentDeclined");
	}

	@Test
	void serializesRawBytesUnchangedAndRecordsAsJson() {
		EnvelopeSerializer serializer = new EnvelopeSerializer(this.codec);

		assertThat(serializer.serialize("t", bytes("raw"))).isEqualTo(bytes("raw"));
		assertThat(new String(serializer.serialize("t", new PaymentDeclined("o", "r")), StandardCharsets.UTF_8))
			.isEqualTo("{\"orderId\":\"o\",\"reason\":\"r\"}");
		assertThat(serializer.serialize("t", null)).isNull();
	}

	@Test
	void readsTheEnvelopeOfARecord() {
		RecordHeaders headers = headers("PaymentDeclined");
		headers.add(Envelope.MESSAGE_ID, bytes("0190f1d2-0000-7000-8000-000000000001"));
		headers.add(Envelope.CORRELATION_ID, bytes("order-1"));
		headers.add(Envelope.OCCURRED_AT, bytes("2026-01-02T03:04:05Z"));

		Envelope envelope = Envelope.of(headers);

		assertThat(envelope.messageId()).hasToString("0190f1d2-0000-7000-8000-000000000001");
		assertThat(envelope.messageType()).isEqualTo("PaymentDeclined");
		assertThat(envelope.correlationId()).isEqualTo("order-1");
		assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
		assertThat(envelope.causationId()).isNull();
	}

	@Test
	void rejectsAnEnvelopeWithoutAValidMessageId() {
		RecordHeaders headers = headers("PaymentDeclined");
		assertThatExceptionOfType(InvalidEnvelopeException.class).isThrownBy(() -> Envelope.of(headers));
		headers.add(Envelope.MESSAGE_ID, bytes("not-a-uuid"));
		assertThatExceptionOfType(InvalidEnvelopeException.class).isThrownBy(() -> Envelope.of(headers));
	}

	private static RecordHeaders headers(String type) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_TYPE, bytes(type));
		return headers;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	sealed interface PaymentEvent permits PaymentCharged, PaymentDeclined {

	}

	@JsonTypeName("PaymentCharged")
	record PaymentCharged(String orderId, BigDecimal amount, Instant chargedAt) implements PaymentEvent {
	}

	@JsonTypeName("PaymentDeclined")
	record PaymentDeclined(String orderId, String reason) implements PaymentEvent {
	}

}
