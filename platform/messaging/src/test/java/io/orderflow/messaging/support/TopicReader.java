package io.orderflow.messaging.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Reads a whole topic from its beginning with a plain consumer, as an outside observer:
 * what was published, in partition order, duplicates included.
 */
public final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

	private TopicReader(String topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(topic, Duration.ofSeconds(60))
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
	}

	public static TopicReader fromBeginning(String topic) {
		return new TopicReader(topic);
	}

	/** Polls until {@code condition} holds for everything read so far. */
	public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<List<ConsumerRecord<String, byte[]>>> condition,
			Duration timeout) {
		await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
			return condition.test(this.records);
		});
		return List.copyOf(this.records);
	}

	/** Polls until every one of {@code messageIds} has been read. */
	public List<ConsumerRecord<String, byte[]>> readUntilAll(Set<UUID> messageIds, Duration timeout) {
		return readUntil((read) -> messageIds(read).containsAll(messageIds), timeout);
	}

	public static Set<UUID> messageIds(List<ConsumerRecord<String, byte[]>> records) {
		Set<UUID> ids = new LinkedHashSet<>();
		records.forEach((record) -> ids.add(Envelope.of(record.headers()).messageId()));
		return ids;
	}

	/**
	 * The sequence numbers of each key's {@link TestEvent.Counted} messages in the order
	 * of their first delivery; later copies (at-least-once duplicates) are left out.
	 */
	public static Map<String, List<Integer>> firstDeliveriesByKey(List<ConsumerRecord<String, byte[]>> records) {
		Set<UUID> seen = new LinkedHashSet<>();
		Map<String, List<Integer>> sequences = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.shared();
		for (ConsumerRecord<String, byte[]> record : records) {
			if (seen.add(Envelope.of(record.headers()).messageId())) {
				TestEvent.Counted counted = json.readValue(record.value(), TestEvent.Counted.class);
				sequences.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(counted.sequence());
			}
		}
		return sequences;
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
