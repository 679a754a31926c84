package io.orderflow.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KafkaBrokerIT {

	private final KafkaBroker kafka = TestInfrastructure.kafka();

	@Test
	void deliversAProducedRecordToAConsumer() throws Exception {
		String topic = newTopic();
		try (KafkaProducer<String, String> producer = producer()) {
			producer.send(new ProducerRecord<>(topic, "order-1", "OrderPlaced")).get(30, TimeUnit.SECONDS);
		}
		List<ConsumerRecord<String, String>> received = consumeFromStart(topic, 1);
		assertThat(received).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("order-1");
			assertThat(record.value()).isEqualTo("OrderPlaced");
		});
	}

	@Test
	void publishesWhatIsSentWhileStoppedOnceStartedAgainAndKeepsEarlierRecords() throws Exception {
		String topic = newTopic();
		try (KafkaProducer<String, String> producer = producer();
				ExecutorService sender = Executors.newSingleThreadExecutor()) {
			producer.send(new ProducerRecord<>(topic, "order", "before-stop")).get(30, TimeUnit.SECONDS);

			this.kafka.stop();
			assertThat(this.kafka.isRunning()).isFalse();
			// A producer that lost its broker may block in send() until metadata is back,
			// so the application keeps sending on its own thread while the broker
			// returns.
			Future<List<Future<RecordMetadata>>> sending = sender.submit(() -> IntStream.range(0, 1_000)
				.mapToObj((i) -> producer.send(new ProducerRecord<>(topic, "order", "while-stopped-" + i)))
				.toList());
			this.kafka.start();

			for (Future<RecordMetadata> send : sending.get(120, TimeUnit.SECONDS)) {
				send.get(120, TimeUnit.SECONDS);
			}
		}
		List<String> values = consumeFromStart(topic, 1_001).stream().map(ConsumerRecord::value).toList();
		assertThat(values.getFirst()).isEqualTo("before-stop");
		assertThat(values.subList(1, values.size()))
			.containsExactlyElementsOf(IntStream.range(0, 1_000).mapToObj((i) -> "while-stopped-" + i).toList());
	}

	@Test
	void keepsAcknowledgedRecordsWhenKilled() throws Exception {
		String topic = newTopic();
		try (KafkaProducer<String, String> producer = producer()) {
			for (int i = 0; i < 100; i++) {
				producer.send(new ProducerRecord<>(topic, "order", "acknowledged-" + i)).get(30, TimeUnit.SECONDS);
			}
		}

		this.kafka.kill();
		assertThat(this.kafka.isRunning()).isFalse();
		this.kafka.start();

		assertThat(consumeFromStart(topic, 100)).extracting(ConsumerRecord::value)
			.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> "acknowledged-" + i).toList());
	}

	private String newTopic() throws Exception {
		String topic = "test-infra-" + UUID.randomUUID();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
		}
		return topic;
	}

	/**
	 * Idempotent, waiting out a broker outage of up to two minutes, as the outbox relay's
	 * producer does.
	 */
	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
						ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
						ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000),
				new StringSerializer(), new StringSerializer());
	}

	private List<ConsumerRecord<String, String>> consumeFromStart(String topic, int count) {
		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			await().atMost(Duration.ofSeconds(60)).pollInSameThread().untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
				assertThat(received).hasSize(count);
			});
		}
		return received;
	}

}
