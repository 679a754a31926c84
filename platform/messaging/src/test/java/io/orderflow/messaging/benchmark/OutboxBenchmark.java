package io.orderflow.messaging.benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.messaging.MessagingProperties;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.messaging.outbox.Outbox;
import io.orderflow.messaging.outbox.OutboxMetrics;
import io.orderflow.messaging.outbox.OutboxRelay;
import io.orderflow.messaging.outbox.RelayConnections;
import io.orderflow.messaging.outbox.RelayDoorbell;
import io.orderflow.testinfra.Infrastructure;
import io.orderflow.testinfra.PostgresDatabase;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures the outbox against plain {@code KafkaTemplate} sends on the same broker, in
 * one run, and prints:
 * <ul>
 * <li>throughput: the relay draining a backlog of 100,000 rows, against
 * {@code KafkaTemplate} sending 100,000 messages as fast as it acknowledges them;</li>
 * <li>latency at a steady 1,000 messages/s: commit → broker acknowledgement and commit →
 * consumer receipt through the outbox, against send → acknowledgement and send → consumer
 * receipt with {@code KafkaTemplate}; p50, p99, max.</li>
 * </ul>
 * The servers are test-infra's embedded Kafka and PostgreSQL (fsync off, as in tests),
 * each in its own process on this machine; the application, relay and consumer share this
 * JVM, so every latency is read from one monotonic clock. The relay is the module's own
 * {@link OutboxRelay} with the auto-configured settings; its producer is wrapped only to
 * take the time of each acknowledgement.
 * <p>
 * Run it when the machine is otherwise quiet:
 *
 * <pre>
 * ./mvnw -q -pl platform/messaging -am -Pbenchmark test -DskipTests
 * </pre>
 *
 * System properties {@code orderflow.messaging.relay.*} (e.g. {@code batch-size}) tune
 * the relay as they would a service.
 */
public final class OutboxBenchmark {

	private static final int BACKLOG = 100_000;

	private static final int RATE = 1_000;

	private static final Duration STEADY = Duration.ofSeconds(20);

	/**
	 * The first seconds of a steady run are left out: connections, JIT, consumer fetch
	 * sessions.
	 */
	private static final Duration SETTLE = Duration.ofSeconds(3);

	private static final int PARTITIONS = 6;

	private static final int KEYS = 1_000;

	private final ConfigurableApplicationContext application;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final MessageCodec codec;

	private final Map<String, Object> producerConfig;

	private final OutboxRelay relay;

	/** Acknowledgement times of the relay's sends, while a phase records them. */
	private volatile Map<UUID, Long> relayAcknowledgements;

	private OutboxBenchmark(ConfigurableApplicationContext application) {
		this.application = application;
		this.outbox = application.getBean(Outbox.class);
		this.transactions = application.getBean(TransactionTemplate.class);
		this.jdbc = new JdbcTemplate(application.getBean(DataSource.class));
		this.codec = application.getBean(MessageCodec.class);
		this.producerConfig = application.getBean(ProducerFactory.class).getConfigurationProperties();
		MessagingProperties properties = application.getBean(MessagingProperties.class);
		Map<String, Object> relayConfig = OutboxRelay.producerConfig(this.producerConfig, properties.relay());
		Supplier<Producer<String, byte[]>> producers = () -> timingAcknowledgements(
				new KafkaProducer<>(relayConfig, new StringSerializer(), new ByteArraySerializer()));
		this.relay = new OutboxRelay(application.getBean(RelayConnections.class), this.jdbc,
				application.getBean(OutboxMetrics.class), application.getBean(RelayDoorbell.class), producers,
				properties.relay(), properties.inbox().retention(), Clock.systemUTC());
	}

	public static void main(String[] args) throws Exception {
		TestInfrastructure.start(Infrastructure.KAFKA, Infrastructure.POSTGRES);
		PostgresDatabase database = TestInfrastructure.postgres()
			.database("outbox_benchmark_" + System.currentTimeMillis());
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password(),
				"spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
				// This instance writes; the benchmark runs the relay itself, to time it.
				"orderflow.messaging.relay.enabled=false", "spring.main.banner-mode=off", "logging.level.root=WARN",
				"logging.level.org.apache.kafka=ERROR"));
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((name) -> name.startsWith("orderflow.messaging."))
			.forEach((name) -> properties.add(name + "=" + System.getProperty(name)));
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties.toArray(String[]::new))
			.run()) {
			new OutboxBenchmark(application).run();
		}
		System.exit(0);
	}

	private void run() throws Exception {
		createTopics("bench-warmup", "bench-baseline-throughput", "bench-outbox-drain", "bench-baseline-latency",
				"bench-outbox-latency");
		progress("warming up");
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
				new HashMap<>(this.producerConfig), new StringSerializer(), new ByteArraySerializer());
		try {
			KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(producers);
			sendAsFastAsAcknowledged(template, "bench-warmup", 20_000);
			writeBacklog("bench-warmup", 20_000);
			this.relay.start();
			awaitNothingUnpublished();
			this.relay.stop();

			progress("baseline throughput: KafkaTemplate, " + BACKLOG + " messages");
			double baselineRate = sendAsFastAsAcknowledged(template, "bench-baseline-throughput", BACKLOG);

			progress("outbox throughput: writing a backlog of " + BACKLOG + " rows with no relay running");
			double writeRate = writeBacklog("bench-outbox-drain", BACKLOG);
			progress("outbox throughput: the relay drains it");
			Instant relayStarted = Instant.now();
			this.relay.start();
			awaitNothingUnpublished();
			Instant lastPublished = this.jdbc
				.queryForObject("SELECT max(published_at) FROM outbox_message WHERE topic = 'bench-outbox-drain'",
						Timestamp.class)
				.toInstant();
			double drainRate = BACKLOG / seconds(Duration.between(relayStarted, lastPublished));

			progress("baseline latency: KafkaTemplate at " + RATE + " messages/s for " + STEADY.toSeconds() + " s");
			Latencies baseline = baselineLatency(template, "bench-baseline-latency");
			progress("outbox latency: one transaction per message at " + RATE + " messages/s for " + STEADY.toSeconds()
					+ " s");
			Latencies outbox = outboxLatency("bench-outbox-latency");
			this.relay.stop();

			report(baselineRate, writeRate, drainRate, baseline, outbox);
		}
		finally {
			producers.destroy();
		}
	}

	private double sendAsFastAsAcknowledged(KafkaTemplate<String, byte[]> template, String topic, int messages)
			throws Exception {
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(messages);
		long start = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			sends.add(template.send(plainRecord(topic, i)));
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
		return messages / seconds(Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * What an application sends without an outbox: the same JSON and envelope headers.
	 */
	private ProducerRecord<String, byte[]> plainRecord(String topic, int sequence) {
		String key = "order-" + (sequence % KEYS);
		MessageCodec.Encoded encoded = this.codec.encode(BenchmarkMessage.of(key, sequence));
		UUID messageId = UUID.randomUUID();
		Headers headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, bytes(messageId.toString()));
		headers.add(Envelope.MESSAGE_TYPE, bytes(encoded.type()));
		headers.add(Envelope.OCCURRED_AT, bytes(Instant.now().toString()));
		headers.add(Envelope.CORRELATION_ID, bytes(key));
		return new ProducerRecord<>(topic, null, key, bytes(encoded.json()), headers);
	}

	/** Writes {@code messages} rows, 100 per transaction; returns rows per second. */
	private double writeBacklog(String topic, int messages) {
		long start = System.nanoTime();
		for (int first = 0; first < messages; first += 100) {
			int from = first;
			this.transactions.executeWithoutResult((status) -> {
				for (int i = from; i < Math.min(from + 100, messages); i++) {
					String key = "order-" + (i % KEYS);
					this.outbox.send(topic, key, BenchmarkMessage.of(key, i));
				}
			});
		}
		return messages / seconds(Duration.ofNanos(System.nanoTime() - start));
	}

	private void awaitNothingUnpublished() throws InterruptedException {
		while (this.jdbc.queryForObject("SELECT count(*) FROM outbox_message WHERE published_at IS NULL",
				Integer.class) > 0) {
			Thread.sleep(50);
		}
	}

	private Latencies baselineLatency(KafkaTemplate<String, byte[]> template, String topic) throws Exception {
		Map<UUID, Long> sent = new ConcurrentHashMap<>();
		Map<UUID, Long> acknowledged = new ConcurrentHashMap<>();
		try (Receiver receiver = new Receiver(topic)) {
			long settled = steadily((sequence) -> {
				ProducerRecord<String, byte[]> record = plainRecord(topic, sequence);
				UUID messageId = Envelope.of(record.headers()).messageId();
				sent.put(messageId, System.nanoTime());
				template.send(record).thenRun(() -> acknowledged.put(messageId, System.nanoTime()));
			});
			receiver.awaitAll(sent.keySet());
			return Latencies.of(sent, settled, acknowledged, receiver.received);
		}
	}

	private Latencies outboxLatency(String topic) throws Exception {
		Map<UUID, Long> committed = new ConcurrentHashMap<>();
		this.relayAcknowledgements = new ConcurrentHashMap<>();
		try (Receiver receiver = new Receiver(topic)) {
			long settled = steadily((sequence) -> {
				String key = "order-" + (sequence % KEYS);
				UUID messageId = this.transactions
					.execute((status) -> this.outbox.send(topic, key, BenchmarkMessage.of(key, sequence)));
				committed.put(messageId, System.nanoTime());
			});
			receiver.awaitAll(committed.keySet());
			return Latencies.of(committed, settled, this.relayAcknowledgements, receiver.received);
		}
		finally {
			this.relayAcknowledgements = null;
		}
	}

	/**
	 * Calls {@code step} {@link #RATE} times a second on schedule for {@link #STEADY};
	 * returns the time after which the run counts.
	 */
	private long steadily(Step step) throws Exception {
		long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
		long start = System.nanoTime();
		long count = STEADY.toSeconds() * RATE;
		for (int sequence = 0; sequence < count; sequence++) {
			long due = start + sequence * interval;
			long now;
			while ((now = System.nanoTime()) < due) {
				LockSupport.parkNanos(due - now);
			}
			step.run(sequence);
		}
		long elapsed = System.nanoTime() - start;
		if (elapsed > STEADY.toNanos() * 11 / 10) {
			progress(String.format("  (fell behind: %d messages took %.1f s)", count, elapsed / 1e9));
		}
		return start + SETTLE.toNanos();
	}

	private void report(double baselineRate, double writeRate, double drainRate, Latencies baseline, Latencies outbox) {
		MessagingProperties.Relay relay = this.application.getBean(MessagingProperties.class).relay();
		int payload = this.codec.encode(BenchmarkMessage.of("order-1", 1)).json().length();
		StringBuilder out = new StringBuilder();
		out.append(String.format("%nOutbox benchmark, %s%n", Instant.now()));
		out.append(String.format(
				"machine: %d cores, %s %s, JDK %s; embedded Kafka (KRaft, 1 broker) and "
						+ "PostgreSQL 17 (fsync off) on the same machine%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				System.getProperty("os.arch"), System.getProperty("java.version")));
		out.append(String.format(
				"messages: %d bytes of JSON + envelope headers, %d keys, %d partitions; " + "relay batch size %d%n%n",
				payload, KEYS, PARTITIONS, relay.batchSize()));
		out.append(String.format("Throughput (%,d messages)%n", BACKLOG));
		out.append(String.format("  baseline  KafkaTemplate send → ack         %,10.0f msg/s%n", baselineRate));
		out.append(String.format("  outbox    relay drains the backlog         %,10.0f msg/s   %5.1f %% of baseline%n",
				drainRate, 100 * drainRate / baselineRate));
		out.append(String.format("            (writing it: 100 rows per transaction %,10.0f rows/s)%n", writeRate));
		out.append(String.format("  target: drain ≥ 20,000 msg/s and ≥ 30 %% of baseline: %s%n%n",
				(drainRate >= 20_000 && drainRate >= 0.3 * baselineRate) ? "met" : "MISSED"));
		out.append(String.format("Latency at a steady %,d msg/s, %d s measured after %d s settling (ms)%n", RATE,
				STEADY.minus(SETTLE).toSeconds(), SETTLE.toSeconds()));
		out.append(String.format("  %-42s %8s %8s %8s %8s%n", "", "p50", "p99", "max", "count"));
		out.append(row("baseline  send → ack", baseline.toAcknowledgement()));
		out.append(row("baseline  send → consumer", baseline.toConsumer()));
		out.append(row("outbox    commit → publish (ack)", outbox.toAcknowledgement()));
		out.append(row("outbox    commit → consumer", outbox.toConsumer()));
		double allowed = 3 * baseline.toConsumer().p99() + 10;
		out.append(
				String.format("  ratios outbox/baseline: → ack p50 %.1f× p99 %.1f×; → consumer p50 %.1f× p99 %.1f×%n",
						outbox.toAcknowledgement().p50() / baseline.toAcknowledgement().p50(),
						outbox.toAcknowledgement().p99() / baseline.toAcknowledgement().p99(),
						outbox.toConsumer().p50() / baseline.toConsumer().p50(),
						outbox.toConsumer().p99() / baseline.toConsumer().p99()));
		out.append(String.format("  target: commit → consumer p99 %.2f ms ≤ 3 × %.2f + 10 = %.2f ms: %s%n",
				outbox.toConsumer().p99(), baseline.toConsumer().p99(), allowed,
				(outbox.toConsumer().p99() <= allowed) ? "met" : "MISSED"));
		System.out.println(out);
	}

	private static String row(String name, Distribution distribution) {
		return String.format("  %-42s %8.2f %8.2f %8.2f %8d%n", name, distribution.p50(), distribution.p99(),
				distribution.max(), distribution.count());
	}

	/**
	 * The relay's producer, taking the time of each acknowledgement while a phase asks
	 * for it.
	 */
	@SuppressWarnings("unchecked")
	private Producer<String, byte[]> timingAcknowledgements(Producer<String, byte[]> producer) {
		return (Producer<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { Producer.class }, (proxy, method, args) -> {
					Map<UUID, Long> acknowledgements = this.relayAcknowledgements;
					if (acknowledgements != null && method.getName().equals("send") && args.length == 2
							&& args[1] instanceof Callback callback) {
						UUID messageId = Envelope.of(((ProducerRecord<?, ?>) args[0]).headers()).messageId();
						args = new Object[] { args[0], (Callback) (metadata, exception) -> {
							if (exception == null) {
								acknowledgements.put(messageId, System.nanoTime());
							}
							callback.onCompletion(metadata, exception);
						} };
					}
					try {
						return method.invoke(producer, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Creates the topics and writes one record to each partition synchronously: producing
	 * at full speed into partitions created a moment ago can make the broker reject an
	 * idempotent producer's retried first batch (out of order sequence), which would
	 * measure the topic's creation, not the outbox.
	 */
	private void createTopics(String... topics) throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
			admin
				.createTopics(Arrays.stream(topics).map((topic) -> new NewTopic(topic, PARTITIONS, (short) 1)).toList())
				.all()
				.get(60, TimeUnit.SECONDS);
		}
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(this.producerConfig),
				new StringSerializer(), new ByteArraySerializer())) {
			for (String topic : topics) {
				for (int partition = 0; partition < PARTITIONS; partition++) {
					producer.send(new ProducerRecord<>(topic, partition, "priming", bytes("{}")))
						.get(60, TimeUnit.SECONDS);
				}
			}
		}
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void progress(String message) {
		System.out.println("[outbox benchmark] " + message);
	}

	@FunctionalInterface
	private interface Step {

		void run(int sequence) throws Exception;

	}

	/** A consumer as a service configures it, taking the time each message arrives. */
	private static final class Receiver implements AutoCloseable {

		private final Map<UUID, Long> received = new ConcurrentHashMap<>();

		private final KafkaConsumer<String, byte[]> consumer;

		private final Thread thread;

		private volatile boolean running = true;

		Receiver(String topic) {
			this.consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
							ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
							ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
					new StringDeserializer(), new ByteArrayDeserializer());
			List<TopicPartition> partitions = this.consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			this.consumer.assign(partitions);
			this.consumer.seekToEnd(partitions);
			partitions.forEach(this.consumer::position);
			this.thread = Thread.ofPlatform().name("benchmark-receiver").start(this::receive);
		}

		private void receive() {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
					long now = System.nanoTime();
					this.received.putIfAbsent(Envelope.of(record.headers()).messageId(), now);
				}
			}
		}

		void awaitAll(Set<UUID> messageIds) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!this.received.keySet().containsAll(messageIds) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
		}

		@Override
		public void close() throws InterruptedException {
			this.running = false;
			this.thread.join();
			this.consumer.close();
		}

	}

	/** Percentiles in milliseconds. */
	record Distribution(double p50, double p99, double max, int count) {

		static Distribution of(long[] nanos) {
			Arrays.sort(nanos);
			if (nanos.length == 0) {
				return new Distribution(Double.NaN, Double.NaN, Double.NaN, 0);
			}
			return new Distribution(millis(nanos[percentile(nanos, 0.50)]), millis(nanos[percentile(nanos, 0.99)]),
					millis(nanos[nanos.length - 1]), nanos.length);
		}

		private static int percentile(long[] sorted, double quantile) {
			return Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
		}

		private static double millis(long nanos) {
			return nanos / 1e6;
		}

	}

	record Latencies(Distribution toAcknowledgement, Distribution toConsumer) {

		/** Latencies from {@code start} of the messages started after {@code settled}. */
		static Latencies of(Map<UUID, Long> start, long settled, Map<UUID, Long> acknowledged,
				Map<UUID, Long> received) {
			List<Long> toAcknowledgement = new ArrayList<>();
			List<Long> toConsumer = new ArrayList<>();
			start.forEach((messageId, startedAt) -> {
				if (startedAt >= settled) {
					Long ackAt = acknowledged.get(messageId);
					if (ackAt != null) {
						toAcknowledgement.add(ackAt - startedAt);
					}
					Long receivedAt = received.get(messageId);
					if (receivedAt != null) {
						toConsumer.add(receivedAt - startedAt);
					}
				}
			});
			return new Latencies(Distribution.of(toAcknowledgement.stream().mapToLong(Long::longValue).toArray()),
					Distribution.of(toConsumer.stream().mapToLong(Long::longValue).toArray()));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BenchmarkApplication {

		@Bean
		MessageTypes benchmarkMessages() {
			return MessageTypes.of(BenchmarkMessage.class);
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
