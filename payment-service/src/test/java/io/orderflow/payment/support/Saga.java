package io.orderflow.payment.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.contract.payment.PaymentCommand;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;

import static org.awaitility.Awaitility.await;

/**
 * Plays order-service's part: sends commands to {@code payment.commands} as its outbox
 * would (JSON payload, envelope headers, keyed by the order), or anything else on
 * purpose, and reads what payment-service answers on {@code payment.events} and what it
 * dead-letters to {@code payment.commands-dlt}, each topic from its beginning with a
 * plain consumer, as an outside observer.
 */
public final class Saga implements DisposableBean {

	public static final String DEAD_LETTER_TOPIC = PaymentCommand.TOPIC + "-dlt";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final MessageCodec codec;

	private final KafkaProducer<String, byte[]> producer;

	private final Reader events = new Reader(PaymentEvent.TOPIC);

	private final Reader deadLetters = new Reader(DEAD_LETTER_TOPIC);

	Saga(MessageCodec codec) {
		this.codec = codec;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** Sends {@code command} as a new message; returns its message id. */
	public UUID send(PaymentCommand command) {
		return send(command, UUID.randomUUID());
	}

	/**
	 * Sends {@code command} under {@code messageId}: the same id twice is a redelivery.
	 */
	public UUID send(PaymentCommand command, UUID messageId) {
		MessageCodec.Encoded encoded = this.codec.encode(command);
		sendRaw(command.orderId(), encoded.type(), encoded.json().getBytes(StandardCharsets.UTF_8), messageId);
		return messageId;
	}

	/** Sends whatever it is told, keyed by {@code orderId}, with a valid envelope. */
	public void sendRaw(String orderId, String messageType, byte[] payload, UUID messageId) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(PaymentCommand.TOPIC, orderId, payload);
		record.headers()
			.add(Envelope.MESSAGE_ID, bytes(messageId.toString()))
			.add(Envelope.MESSAGE_TYPE, bytes(messageType))
			.add(Envelope.OCCURRED_AT, bytes(Instant.now().toString()))
			.add(Envelope.CORRELATION_ID, bytes(orderId));
		try {
			this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send to " + PaymentCommand.TOPIC, ex);
		}
	}

	/** The answers about the order published so far, in order. */
	public List<PaymentEvent> events(String orderId) {
		return this.events.records(orderId)
			.stream()
			.map((record) -> (PaymentEvent) this.codec.decode(Envelope.of(record.headers()).messageType(),
					record.value()))
			.toList();
	}

	/** Waits until at least {@code count} answers about the order are published. */
	public List<PaymentEvent> awaitEvents(String orderId, int count) {
		await().atMost(TIMEOUT)
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(50))
			.until(() -> events(orderId).size() >= count);
		return events(orderId);
	}

	/** The one answer about the order, once it is published. */
	public <T extends PaymentEvent> T awaitEvent(String orderId, Class<T> type) {
		List<PaymentEvent> events = awaitEvents(orderId, 1);
		if (events.size() != 1) {
			throw new AssertionError("Expected one answer about order " + orderId + ", got " + events);
		}
		return type.cast(events.getFirst());
	}

	/** The dead letter of the message, once it is there. */
	public ConsumerRecord<String, byte[]> awaitDeadLetter(String orderId, UUID messageId) {
		await().atMost(TIMEOUT)
			.pollInSameThread()
			.pollInterval(Duration.ofMillis(50))
			.until(() -> deadLetter(orderId, messageId) != null);
		return deadLetter(orderId, messageId);
	}

	private ConsumerRecord<String, byte[]> deadLetter(String orderId, UUID messageId) {
		return this.deadLetters.records(orderId)
			.stream()
			.filter((record) -> messageId.toString().equals(Envelope.text(record.headers(), Envelope.MESSAGE_ID)))
			.findFirst()
			.orElse(null);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void destroy() {
		this.producer.close(Duration.ofSeconds(5));
		this.events.close();
		this.deadLetters.close();
	}

	/**
	 * A topic read from its beginning, everything kept. The consumer is made on first
	 * use: by then the application has created the topic with its partitions (a consumer
	 * asking first could have the broker create it with its default count).
	 */
	private static final class Reader {

		private final String topic;

		private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

		private KafkaConsumer<String, byte[]> consumer;

		Reader(String topic) {
			this.topic = topic;
		}

		synchronized List<ConsumerRecord<String, byte[]>> records(String key) {
			if (this.consumer == null) {
				this.consumer = new KafkaConsumer<>(
						Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
								ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
						new StringDeserializer(), new ByteArrayDeserializer());
				List<TopicPartition> partitions = this.consumer.partitionsFor(this.topic, TIMEOUT)
					.stream()
					.map((info) -> new TopicPartition(this.topic, info.partition()))
					.toList();
				this.consumer.assign(partitions);
				this.consumer.seekToBeginning(partitions);
			}
			this.consumer.poll(Duration.ofMillis(100)).forEach(this.read::add);
			return this.read.stream().filter((record) -> key.equals(record.key())).toList();
		}

		synchronized void close() {
			if (this.consumer != null) {
				this.consumer.close();
			}
		}

	}

}
