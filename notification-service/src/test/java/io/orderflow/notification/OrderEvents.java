package io.orderflow.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.testing.GoldenMessages;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes to {@code order.events} what order-service publishes: the golden JSON of the
 * order contract for an order and customer of the test's own, keyed by order id, with the
 * envelope headers; or any bytes a broken producer might.
 */
final class OrderEvents implements AutoCloseable {

	/** The client that placed the golden files' order. */
	static final String GOLDEN_OWNER = "demo-client";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
					ProducerConfig.LINGER_MS_CONFIG, 0),
			new StringSerializer(), new ByteArraySerializer());

	/**
	 * The golden {@code type} as the event of {@code orderId} for {@code customerId},
	 * placed by the golden owner ({@value #GOLDEN_OWNER}).
	 */
	static String golden(Class<? extends OrderEvent> type, String orderId, String customerId) {
		return golden(type, orderId, customerId, GOLDEN_OWNER);
	}

	/**
	 * The golden {@code type} as the event of {@code orderId} for {@code customerId},
	 * placed by {@code owner}; without an owner, as published before events carried it,
	 * when {@code owner} is null.
	 */
	static String golden(Class<? extends OrderEvent> type, String orderId, String customerId, String owner) {
		ObjectNode json = (ObjectNode) MAPPER.readTree(GoldenMessages.json(type));
		json.put("orderId", orderId);
		json.put("customerId", customerId);
		if (owner != null) {
			json.put("owner", owner);
		}
		else {
			json.remove("owner");
		}
		return MAPPER.writeValueAsString(json);
	}

	/** Publishes the golden event as a new message; returns its message id. */
	UUID send(Class<? extends OrderEvent> type, String orderId, String customerId) {
		return send(type, orderId, customerId, GOLDEN_OWNER);
	}

	/** Publishes the golden event of {@code owner}'s order as a new message. */
	UUID send(Class<? extends OrderEvent> type, String orderId, String customerId, String owner) {
		UUID messageId = UUID.randomUUID();
		sendRaw(orderId, messageId, GoldenMessages.typeName(type), golden(type, orderId, customerId, owner));
		return messageId;
	}

	void sendRaw(String key, UUID messageId, String type, String payload) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, bytes(messageId.toString()));
		headers.add(Envelope.MESSAGE_TYPE, bytes(type));
		headers.add(Envelope.OCCURRED_AT, bytes(Instant.now().toString()));
		headers.add(Envelope.CORRELATION_ID, bytes(key));
		try {
			this.producer.send(new ProducerRecord<>(OrderEvent.TOPIC, null, key, bytes(payload), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send to " + OrderEvent.TOPIC, ex);
		}
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
