package io.orderflow.systemtests.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline: a chain of four sequential produce → consume hops between this process
 * and a {@link HopEcho} process, on the saga's broker with the saga's client settings
 * (acks=all, idempotent, no linger; fetch.min.bytes=1). It is what the saga's four
 * messages (ReserveStock, StockReserved, ChargePayment, PaymentCharged) would cost with
 * no database, outbox, inbox, HTTP or provider in between.
 */
final class KafkaHops implements AutoCloseable {

	private static final byte[] PAYLOAD = new byte[300];

	private final KafkaProducer<String, byte[]> producer;

	private final KafkaConsumer<String, byte[]> consumer;

	private final Process echo;

	private final Thread poller;

	private final Map<String, CompletableFuture<Long>> chains = new ConcurrentHashMap<>();

	private volatile boolean running = true;

	KafkaHops(String bootstrap) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin
				.createTopics(
						List.of(1, 2, 3, 4).stream().map((hop) -> new NewTopic(topic(hop), 6, (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		this.producer = new KafkaProducer<>(producerProperties(bootstrap));
		this.consumer = new KafkaConsumer<>(consumerProperties(bootstrap));
		this.consumer.subscribe(List.of(topic(2), topic(4)));
		String java = ProcessHandle.current().info().command().orElse("java");
		this.echo = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				HopEcho.class.getName(), bootstrap)
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.echo.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = output.readLine()) != null && !line.equals("ready")) {
			// Kafka client start-up logging.
		}
		Thread.ofPlatform().daemon().start(() -> output.lines().forEach((ignored) -> {
		}));
		this.poller = Thread.ofPlatform().name("hops-poller").start(this::poll);
		// Until both consumers own their partitions, the first chains would measure the
		// group join; run some first.
		for (int i = 0; i < 50; i++) {
			chain().get(60, TimeUnit.SECONDS);
		}
	}

	/** Starts one chain; completes with its latency in nanoseconds. */
	CompletableFuture<Long> chain() {
		String key = UUID.randomUUID().toString();
		CompletableFuture<Long> done = new CompletableFuture<>();
		long started = System.nanoTime();
		this.chains.put(key, done);
		this.producer.send(new ProducerRecord<>(topic(1), key, PAYLOAD));
		return done.thenApply((finished) -> finished - started);
	}

	private void poll() {
		while (this.running) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
				if (record.topic().equals(topic(2))) {
					this.producer.send(new ProducerRecord<>(topic(3), record.key(), record.value()));
				}
				else {
					CompletableFuture<Long> done = this.chains.remove(record.key());
					if (done != null) {
						done.complete(System.nanoTime());
					}
				}
			}
		}
	}

	static String topic(int hop) {
		return "benchmark.hop" + hop;
	}

	static Properties producerProperties(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return properties;
	}

	static Properties consumerProperties(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
		properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return properties;
	}

	@Override
	public void close() throws Exception {
		this.running = false;
		this.poller.join(Duration.ofSeconds(5));
		this.consumer.close();
		this.producer.close();
		this.echo.getOutputStream().close();
		this.echo.waitFor(10, TimeUnit.SECONDS);
		this.echo.destroyForcibly();
	}

}
