package io.orderflow.messaging.failure;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.orderflow.messaging.envelope.Envelope;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Lists, inspects, replays and parks the dead letters of a topic; what the admin API
 * exposes.
 * <p>
 * Dead-letter topics are append-only, so what has been done about each dead letter is
 * recorded in a compacted topic beside it, {@code <topic>-dlt-state}, keyed by partition
 * and offset: a service without a database keeps its dead letters' state too, and every
 * instance sees the same.
 * <p>
 * A replay publishes the record again to its original topic with its original key, value
 * and envelope (so the message id is the same and consumers that handled it before skip
 * it), without the dead-letter headers, plus {@value #REPLAYED_FROM}. It is sent inside
 * the trace context recorded with the dead letter, so the replay joins the original
 * trace.
 */
public final class DeadLetters {

	/** Where a replayed record came from: dead-letter topic, partition and offset. */
	public static final String REPLAYED_FROM = "replayed-from";

	private static final String STATE_SUFFIX = "-state";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	private final Map<String, Object> clientConfig;

	private final KafkaOperations<Object, Object> template;

	/**
	 * @param clientConfig how to reach the broker (servers, security): a consumer
	 * configuration; group, deserializers and commits are this class's own
	 * @param template publishes replays and states (raw bytes pass through)
	 */
	public DeadLetters(Map<String, Object> clientConfig, KafkaOperations<Object, Object> template) {
		this.clientConfig = new HashMap<>(clientConfig);
		this.clientConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.clientConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		this.clientConfig.remove(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
		this.clientConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.template = template;
	}

	/** The dead letters of {@code topic}, oldest first. */
	public List<DeadLetter> list(String topic) {
		String deadLetterTopic = DeadLetterPublishing.topicFor(topic);
		Map<String, DeadLetter.Status> states = states(deadLetterTopic);
		List<DeadLetter> letters = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : readAll(deadLetterTopic)) {
			letters.add(deadLetter(record,
					states.getOrDefault(stateKey(record.partition(), record.offset()), DeadLetter.Status.PENDING)));
		}
		letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).thenComparing(DeadLetter::offset));
		return letters;
	}

	/** One dead letter of {@code topic} by its place in the dead-letter topic. */
	public Optional<DeadLetter> find(String topic, int partition, long offset) {
		return list(topic).stream()
			.filter((letter) -> letter.partition() == partition && letter.offset() == offset)
			.findFirst();
	}

	/** The dead letters of {@code topic} still waiting for an operator. */
	public List<DeadLetter> pending(String topic) {
		return list(topic).stream().filter((letter) -> letter.status() == DeadLetter.Status.PENDING).toList();
	}

	/**
	 * Publishes {@code letter} again to its original topic and records it replayed.
	 * @throws IllegalStateException when it was parked
	 */
	public void replay(DeadLetter letter) {
		if (letter.status() == DeadLetter.Status.PARKED) {
			throw new IllegalStateException("Dead letter " + letter.id() + " is parked; it is not replayed");
		}
		RecordHeaders headers = new RecordHeaders();
		letter.headers().forEach((name, value) -> {
			// The replay's own producer span writes the trace context.
			if (!Envelope.TRACEPARENT.equals(name) && !Envelope.TRACESTATE.equals(name)) {
				headers.add(name, value.getBytes(StandardCharsets.UTF_8));
			}
		});
		headers.add(REPLAYED_FROM, letter.id().getBytes(StandardCharsets.UTF_8));
		Context original = W3CTraceContextPropagator.getInstance().extract(Context.root(), letter.headers(), HEADERS);
		try (Scope scope = original.makeCurrent()) {
			await(this.template
				.send(new ProducerRecord<>(letter.originalTopic(), null, letter.key(), letter.value(), headers)));
		}
		record(letter, DeadLetter.Status.REPLAYED);
	}

	/** Sets {@code letter} aside for good: listed as parked, never replayed. */
	public void park(DeadLetter letter) {
		record(letter, DeadLetter.Status.PARKED);
	}

	private void record(DeadLetter letter, DeadLetter.Status status) {
		String stateTopic = letter.topic() + STATE_SUFFIX;
		createStateTopic(stateTopic);
		await(this.template.send(stateTopic, stateKey(letter.partition(), letter.offset()),
				status.name().getBytes(StandardCharsets.UTF_8)));
	}

	private Map<String, DeadLetter.Status> states(String deadLetterTopic) {
		Map<String, DeadLetter.Status> states = new HashMap<>();
		for (ConsumerRecord<String, byte[]> record : readAll(deadLetterTopic + STATE_SUFFIX)) {
			if (record.key() != null && record.value() != null) {
				states.put(record.key(), DeadLetter.Status.valueOf(new String(record.value(), StandardCharsets.UTF_8)));
			}
		}
		return states;
	}

	/**
	 * Everything in {@code topic} up to its current end; nothing when it does not exist.
	 */
	private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(this.clientConfig, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return records;
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end in " + TIMEOUT);
				}
				consumer.poll(Duration.ofMillis(100)).forEach(records::add);
			}
		}
		return records;
	}

	private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record, DeadLetter.Status status) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			if (!header.key().startsWith(KafkaHeaders.PREFIX) && header.value() != null) {
				headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC), number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), record.key(), record.value(), headers,
				text(record, KafkaHeaders.DLT_EXCEPTION_FQCN), text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
				text(record, KafkaHeaders.DLT_EXCEPTION_STACKTRACE), Instant.ofEpochMilli(record.timestamp()), status);
	}

	private static @Nullable String text(ConsumerRecord<?, ?> record, String header) {
		return Envelope.text(record.headers(), header);
	}

	/** Spring writes the original partition as 4 bytes and the offset as 8. */
	private static int number(ConsumerRecord<?, ?> record, String header) {
		Header value = record.headers().lastHeader(header);
		if (value == null || value.value() == null) {
			return -1;
		}
		ByteBuffer buffer = ByteBuffer.wrap(value.value());
		return (value.value().length == Long.BYTES) ? (int) buffer.getLong() : buffer.getInt();
	}

	private static String stateKey(int partition, long offset) {
		return partition + "/" + offset;
	}

	private void createStateTopic(String topic) {
		Map<String, Object> adminConfig = new HashMap<>(this.clientConfig);
		adminConfig.keySet().retainAll(AdminClientConfig.configNames());
		try (Admin admin = Admin.create(adminConfig)) {
			admin
				.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Cannot create " + topic, ex.getCause());
			}
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Cannot create " + topic + " in " + TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted creating " + topic, ex);
		}
	}

	private static void await(CompletableFuture<?> send) {
		try {
			send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not publish: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Could not publish in " + TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted publishing", ex);
		}
	}

}
