package io.orderflow.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each embedded server node, started the way test-infra and ./orderflow start it: it
 * serves its protocol, leaves no process behind when stopped, and the stateful ones keep
 * their data through a SIGKILL.
 */
class NodesIT {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private static final String HOST = "127.0.0.1";

	private final NodeLauncher launcher = new NodeLauncher(Checkout.locate());

	private final List<RunningNode> started = new ArrayList<>();

	@TempDir
	Path directory;

	/**
	 * Only nodes still running: a stopped node's pid may belong to another process now.
	 */
	@AfterEach
	void killWhatAFailedTestLeftRunning() {
		this.started.forEach(RunningNode::kill);
	}

	@Test
	void kafkaKeepsAcknowledgedRecordsThroughAKill() {
		Map<String, String> args = Map.of("data-dir", data(), "port", freePort(), "controller-port", freePort());
		RunningNode kafka = start(Node.KAFKA, args);
		String bootstrapServers = kafka.facts().get("bootstrap-servers");

		produce(bootstrapServers, "order.events", "order-1", "OrderPlaced");
		assertThat(readAll(bootstrapServers, "order.events")).containsExactly("OrderPlaced");

		killLeavingNothingRunning(kafka);
		RunningNode restarted = start(Node.KAFKA, args);
		assertThat(readAll(bootstrapServers, "order.events")).containsExactly("OrderPlaced");
		stopLeavingNothingRunning(restarted);
	}

	@Test
	void postgresServesEachServiceItsOwnDatabaseAndKeepsCommitsThroughAKill() throws SQLException {
		Map<String, String> args = Map.of("data-dir", data(), "port", freePort(), "databases", "orders,inventory");
		RunningNode postgres = start(Node.POSTGRES, args);
		String orders = "jdbc:postgresql://" + HOST + ":" + postgres.facts().get("port") + "/orders";
		assertThat(postgres.extraPids()).as("the postmaster pg_ctl detached from the node's group").hasSize(1);

		execute(orders, "CREATE TABLE orders (id text PRIMARY KEY, status text)",
				"INSERT INTO orders VALUES ('order-1', 'PENDING')");
		assertThat(status(orders, "order-1")).contains("PENDING");

		killLeavingNothingRunning(postgres);
		RunningNode restarted = start(Node.POSTGRES, args);
		assertThat(status(orders, "order-1")).contains("PENDING");
		stopLeavingNothingRunning(restarted);
	}

	@Test
	void redisAnswersCommandsAndStopsWithItsServer() throws IOException {
		RunningNode redis = start(Node.REDIS, Map.of("data-dir", data(), "port", freePort()));
		int port = Integer.parseInt(redis.facts().get("port"));
		assertThat(ProcessHandle.of(redis.process().pid()).orElseThrow().descendants())
			.as("redis-server runs as the node's child")
			.isNotEmpty();

		assertThat(redisCommand(port, "SET", "rate-limit:demo-client", "7")).isEqualTo("+OK");
		assertThat(redisCommand(port, "GET", "rate-limit:demo-client")).isEqualTo("7");

		stopLeavingNothingRunning(redis);
	}

	@Test
	void mongoStoresAndFindsDocuments() {
		RunningNode mongo = start(Node.MONGO, Map.of("data-dir", data(), "port", freePort()));

		try (MongoClient client = MongoClients.create(mongo.facts().get("uri"))) {
			MongoCollection<Document> notifications = client.getDatabase("notifications")
				.getCollection("notifications");
			notifications.insertOne(new Document("_id", "order-1:OrderPlaced").append("customerId", "c-1"));
			assertThat(notifications.find(new Document("customerId", "c-1")).first()).containsEntry("_id",
					"order-1:OrderPlaced");
		}

		stopLeavingNothingRunning(mongo);
	}

	@Test
	void searchReportsAHealthyCluster() throws Exception {
		RunningNode search = start(Node.SEARCH,
				Map.of("data-dir", data(), "port", freePort(), "transport-port", freePort()));

		HttpResponse<String> health = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(search.facts().get("url") + "/_cluster/health")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"green\"");

		stopLeavingNothingRunning(search);
	}

	private RunningNode start(Node node, Map<String, String> args) {
		Path run = this.directory.resolve("run");
		RunningNode running = this.launcher.start(node, node.module(), args, run, run.resolve(node.module() + ".log"),
				true, STARTUP);
		this.started.add(running);
		return running;
	}

	private void stopLeavingNothingRunning(RunningNode node) {
		Set<Long> processes = processesOf(node);
		node.stop();
		this.started.remove(node);
		awaitNoneRunning(node, processes);
	}

	private void killLeavingNothingRunning(RunningNode node) {
		Set<Long> processes = processesOf(node);
		node.kill();
		this.started.remove(node);
		awaitNoneRunning(node, processes);
	}

	/**
	 * The postmaster's backends each lead a group of their own and end only once they
	 * notice it died, hence a short wait rather than an immediate check.
	 */
	private static void awaitNoneRunning(RunningNode node, Set<Long> processes) {
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(processes.stream().filter(NodesIT::running))
				.as("processes of %s still running", node.name())
				.isEmpty());
		assertThat(groupMembers(node.process().pid())).as("what is left of %s's process group", node.name()).isEmpty();
	}

	/** The node's JVM, the pids it reported and everything they started. */
	private static Set<Long> processesOf(RunningNode node) {
		List<Long> roots = new ArrayList<>(node.extraPids());
		roots.add(node.process().pid());
		Set<Long> processes = new HashSet<>();
		for (long root : roots) {
			processes.add(root);
			ProcessHandle.of(root).ifPresent((process) -> process.descendants().forEach((d) -> processes.add(d.pid())));
		}
		processes.addAll(groupMembers(node.process().pid()));
		return processes;
	}

	private static Set<Long> groupMembers(long group) {
		try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
			Set<Long> members = new HashSet<>();
			proc.map((entry) -> entry.getFileName().toString())
				.filter((name) -> name.chars().allMatch(Character::isDigit))
				.map(Long::parseLong)
				.filter(NodesIT::running)
				.filter((pid) -> stat(pid).map((fields) -> Long.parseLong(fields[2]) == group).orElse(false))
				.forEach(members::add);
			return members;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A zombie has ended; it only waits to be collected by its parent. */
	private static boolean running(long pid) {
		return stat(pid).map((fields) -> !fields[0].equals("Z") && !fields[0].equals("X")).orElse(false);
	}

	/**
	 * The fields of {@code /proc/<pid>/stat} after the command name, from the state on.
	 */
	private static Optional<String[]> stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static void produce(String bootstrapServers, String topic, String key, String value) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not produce to " + topic, ex);
		}
	}

	/** Reads partition 0 from the start: no group, so no rebalance to wait for. */
	private static List<String> readAll(String bootstrapServers, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<String> values = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200))
					.forEach((ConsumerRecord<String, String> r) -> values.add(r.value()));
				return !values.isEmpty();
			});
			return values;
		}
	}

	private static void execute(String url, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "orders", "orders");
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static Optional<String> status(String url, String orderId) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "orders", "orders");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT status FROM orders WHERE id = '" + orderId + "'")) {
			return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
		}
	}

	/**
	 * One command in RESP; answers a simple string as is and a bulk string as its value.
	 */
	private static String redisCommand(int port, String... words) throws IOException {
		StringBuilder command = new StringBuilder("*" + words.length + "\r\n");
		for (String word : words) {
			command.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
		}
		try (Socket socket = new Socket(HOST, port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(command.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String answer = in.readLine();
			return answer.startsWith("$") ? in.readLine() : answer;
		}
	}

	private String data() {
		return this.directory.resolve("data").toString();
	}

	private static String freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return Integer.toString(socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
