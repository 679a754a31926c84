package io.orderflow.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what order-service and inventory-service publish: contract records as JSON
 * with the envelope headers, keyed by order id or sku; or any bytes a broken producer
 * might.
 */
final class Events implements AutoCloseable {

	private static final MessageCodec CODEC = new MessageCodec(MessageTypes.of(OrderEvent.class, InventoryEvent.class));

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
					ProducerConfig.LINGER_MS_CONFIG, 0),
			new StringSerializer(), new ByteArraySerializer());

	UUID publish(OrderEvent event) {
		return send(OrderEvent.TOPIC, event.orderId(), event);
	}

	UUID publish(ProductChanged event) {
		return send(InventoryEvent.TOPIC, event.sku(), event);
	}

	/** Another inventory event (a saga reply), keyed as inventory keys it. */
	UUID publish(String key, InventoryEvent event) {
		return send(InventoryEvent.TOPIC, key, event);
	}

	private UUID send(String topic, String key, Object event) {
		MessageCodec.Encoded encoded = CODEC.encode(event);
		UUID messageId = UUID.randomUUID();
		sendRaw(topic, key, messageId, encoded.type(), encoded.json());
		return messageId;
	}

	void sendRaw(String topic, String key, UUID messageId, String type, String payload) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, bytes(messageId.toString()));
		headers.add(Envelope.MESSAGE_TYPE, bytes(type));
		headers.add(Envelope.OCCURRED_AT, bytes(Instant.now().toString()));
		headers.add(Envelope.CORRELATION_ID, bytes(key));
		try {
			this.producer.send(new ProducerRecord<>(topic, null, key, bytes(payload), headers))
				.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
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
