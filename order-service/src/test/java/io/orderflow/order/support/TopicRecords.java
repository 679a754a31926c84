package io.orderflow.order.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic from its beginning with a plain consumer, as an outside observer. */
public final class TopicRecords {

	private TopicRecords() {
	}

	/**
	 * Waits until {@code topic} holds a record matching {@code wanted}, and returns every
	 * matching record.
	 */
	public static List<ConsumerRecord<String, byte[]>> awaitMatching(String topic, Duration atMost,
			Predicate<ConsumerRecord<String, byte[]>> wanted) {
		List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			Awaitility.await()
				.atMost(atMost)
				.until(() -> !consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty());
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Awaitility.await().atMost(atMost).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (wanted.test(record)) {
						found.add(record);
					}
				});
				return !found.isEmpty();
			});
		}
		return found;
	}

}
