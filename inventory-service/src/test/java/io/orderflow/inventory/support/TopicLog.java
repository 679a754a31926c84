package io.orderflow.inventory.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * A whole topic read from its beginning by a plain consumer, as any other service would
 * read it: every record in partition order, duplicates included.
 */
public final class TopicLog implements AutoCloseable {

	public static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final KafkaConsumer<String, byte[]> consumer;

	private final @Nullable MessageCodec codec;

	private final List<Received> received = new ArrayList<>();

	private TopicLog(String topic, @Nullable MessageCodec codec) {
		this.codec = codec;
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, TIMEOUT)
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	/** Reads {@code topic}, decoding values by their {@code message-type} header. */
	public static TopicLog of(String topic, MessageCodec codec) {
		return new TopicLog(topic, codec);
	}

	/** Reads {@code topic} without decoding: values that may never have been valid. */
	public static TopicLog raw(String topic) {
		return new TopicLog(topic, null);
	}

	/** Everything read so far with {@code key}, once {@code condition} holds for it. */
	public List<Received> awaitKey(String key, Predicate<List<Received>> condition) {
		return read((all) -> condition.test(withKey(all, key)), key);
	}

	/** Everything read so far with {@code key}, once there are {@code count} records. */
	public List<Received> awaitKey(String key, int count) {
		return awaitKey(key, (records) -> records.size() >= count);
	}

	/** Everything read so far, once {@code condition} holds for it. */
	public List<Received> awaitAll(Predicate<List<Received>> condition) {
		return read(condition, null);
	}

	private List<Received> read(Predicate<List<Received>> condition, @Nullable String key) {
		await().atMost(TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach((record) -> this.received.add(received(record)));
			return condition.test(List.copyOf(this.received));
		});
		return (key != null) ? withKey(this.received, key) : List.copyOf(this.received);
	}

	private static List<Received> withKey(List<Received> all, String key) {
		return all.stream().filter((record) -> key.equals(record.key())).toList();
	}

	private Received received(ConsumerRecord<String, byte[]> record) {
		Envelope envelope = Envelope.of(record.headers());
		Object message = (this.codec != null) ? this.codec.decode(envelope.messageType(), record.value()) : null;
		return new Received(record.key(), envelope, message, record.value(), record.headers(), record.partition(),
				record.offset());
	}

	@Override
	public void close() {
		this.consumer.close();
	}

	/**
	 * One record: its envelope, the decoded message (null when read raw), the value and
	 * headers as they are.
	 */
	public record Received(String key, Envelope envelope, @Nullable Object message, byte[] value, Headers headers,
			int partition, long offset) {

		public <T> T as(Class<T> type) {
			return type.cast(this.message);
		}

	}

}
