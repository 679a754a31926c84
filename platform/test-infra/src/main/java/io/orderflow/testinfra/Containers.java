package io.orderflow.testinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Pattern;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Starts the servers as Testcontainers containers with pinned images. Every container
 * publishes its port on a fixed host port chosen here, so that a stopped and restarted
 * container is reachable at the same address (Docker would pick new random ports).
 * <p>
 * The only class that touches Testcontainers, loaded only in {@code containers} mode or
 * to ask whether Docker is there.
 */
final class Containers {

	static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

	static final String POSTGRES_IMAGE = "postgres:17.6";

	static final String MONGO_IMAGE = "mongo:8.0";

	/**
	 * The version of the Elasticsearch Java client Spring Boot 4.0.7 manages, so client
	 * and server speak the same API.
	 */
	static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.2.8";

	static final String REDIS_IMAGE = "redis:7.4";

	/** Logged by the broker once it is unfenced, at every start. */
	private static final Pattern KAFKA_RUNNING = Pattern.compile("Transitioning from RECOVERY to RUNNING");

	private final Duration startupTimeout;

	Containers(Duration startupTimeout) {
		this.startupTimeout = startupTimeout;
	}

	static boolean isDockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	KafkaBroker kafka() {
		int port = freePort();
		KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
		publish(container, 9092, port);
		start(container);
		return new KafkaBroker(new DockerContainer(container, "kafka", () -> {
			// The log keeps the lines of earlier starts: only one more means this start.
			int startsBefore = count(KAFKA_RUNNING, container.getLogs());
			return () -> count(KAFKA_RUNNING, container.getLogs()) > startsBefore;
		}, this.startupTimeout), container.getHost(), port);
	}

	PostgresServer postgres() {
		int port = freePort();
		PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
		publish(container, 5432, port);
		start(container);
		String host = container.getHost();
		String url = "jdbc:postgresql://" + host + ":" + port + "/postgres";
		return new PostgresServer(new DockerContainer(container, "postgres",
				() -> () -> canConnect(url, container.getUsername(), container.getPassword()), this.startupTimeout),
				host, port, container.getUsername(), container.getPassword());
	}

	MongoServer mongo() {
		int port = freePort();
		// A replica set, as in production, so change streams and transactions work.
		MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
		publish(container, 27017, port);
		start(container);
		return new MongoServer(
				new DockerContainer(container, "mongo", () -> () -> isWritablePrimary(container), this.startupTimeout),
				container.getHost(), port, false);
	}

	SearchEngine search() {
		int port = freePort();
		ElasticsearchContainer container = new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
			// Only HTTP: the transport port would stay unpublished under a fixed binding.
			.withExposedPorts(9200)
			// Plain HTTP without credentials, like the embedded OpenSearch.
			.withEnv("xpack.security.enabled", "false")
			.withCertPath("")
			.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
			// A nearly full disk on a developer machine must not make indices read-only.
			.withEnv("cluster.routing.allocation.disk.threshold_enabled", "false");
		publish(container, 9200, port);
		start(container);
		URI health = URI.create("http://" + container.getHost() + ":" + port + "/_cluster/health");
		return new SearchEngine(
				new DockerContainer(container, "elasticsearch", () -> () -> answers(health), this.startupTimeout),
				container.getHost(), port, SearchEngine.Distribution.ELASTICSEARCH);
	}

	RedisServer redis() {
		int port = freePort();
		GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE).withExposedPorts(6379)
			.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
		publish(container, 6379, port);
		start(container);
		String host = container.getHost();
		return new RedisServer(
				new DockerContainer(container, "redis", () -> () -> pongs(host, port), this.startupTimeout), host,
				port);
	}

	private void start(GenericContainer<?> container) {
		container.withStartupTimeout(this.startupTimeout);
		container.start();
	}

	private static void publish(GenericContainer<?> container, int containerPort, int hostPort) {
		container.withCreateContainerCmdModifier((create) -> create.getHostConfig()
			.withPortBindings(new PortBinding(Ports.Binding.bindPort(hostPort), ExposedPort.tcp(containerPort))));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port", ex);
		}
	}

	private static int count(Pattern pattern, String log) {
		return (int) pattern.matcher(log).results().count();
	}

	private static boolean canConnect(String url, String username, String password) {
		try (Connection connection = DriverManager.getConnection(url, username, password)) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean isWritablePrimary(MongoDBContainer container) {
		try {
			return container
				.execInContainer("mongosh", "--quiet", "--eval", "quit(db.hello().isWritablePrimary ? 0 : 1)")
				.getExitCode() == 0;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean answers(URI uri) {
		try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && !response.body().contains("\"red\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean pongs(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 2_000);
			socket.setSoTimeout(2_000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			return "+PONG".equals(in.readLine());
		}
		catch (IOException ex) {
			return false;
		}
	}

}
