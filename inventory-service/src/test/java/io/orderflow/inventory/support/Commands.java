package io.orderflow.inventory.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends to {@code inventory.commands} what the saga sends: the command as JSON, keyed by
 * order id, with the envelope headers; or, for the failure tests, whatever bytes and type
 * name a broken producer might.
 */
public final class Commands implements AutoCloseable {

	private final MessageCodec codec;

	private final KafkaProducer<String, byte[]> producer;

	public Commands(MessageCodec codec) {
		this.codec = codec;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** Sends {@code command} as a new message; returns its message id. */
	public UUID send(InventoryCommand command) {
		UUID messageId = UUID.randomUUID();
		send(command, messageId);
		return messageId;
	}

	/** Sends {@code command} under a given message id, as a redelivery would. */
	public void send(InventoryCommand command, UUID messageId) {
		MessageCodec.Encoded encoded = this.codec.encode(command);
		sendRaw(command.orderId(), messageId, encoded.type(), encoded.json());
	}

	/** Sends any payload under any type name, keyed by {@code key}. */
	public void sendRaw(String key, UUID messageId, String type, String payload) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, bytes(messageId.toString()));
		headers.add(Envelope.MESSAGE_TYPE, bytes(type));
		headers.add(Envelope.OCCURRED_AT, bytes(Instant.now().toString()));
		headers.add(Envelope.CORRELATION_ID, bytes(key));
		try {
			this.producer.send(new ProducerRecord<>(InventoryCommand.TOPIC, null, key, bytes(payload), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending to " + InventoryCommand.TOPIC, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send to " + InventoryCommand.TOPIC, ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
