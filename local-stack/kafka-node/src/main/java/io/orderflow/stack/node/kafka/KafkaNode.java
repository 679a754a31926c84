package io.orderflow.stack.node.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.orderflow.stack.node.NodeRuntime;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * One Apache Kafka broker that is also its own KRaft controller, on loopback, with its
 * logs under {@code --data-dir}. Args: {@code --data-dir}, {@code --port} (clients),
 * {@code --controller-port} (the quorum, used by this broker only).
 */
public final class KafkaNode {

	private static final String NAME = "kafka";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private KafkaNode() {
	}

	public static void main(String[] args) {
		AtomicReference<KafkaRaftServer> started = new AtomicReference<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(started.get()), "kafka-node-shutdown"));
		try {
			Map<String, String> arguments = NodeRuntime.arguments(args);
			Path dataDir = Files
				.createDirectories(Path.of(NodeRuntime.required(arguments, "data-dir")).toAbsolutePath());
			int port = Integer.parseInt(NodeRuntime.required(arguments, "port"));
			int controllerPort = Integer.parseInt(NodeRuntime.required(arguments, "controller-port"));
			NodeRuntime.exitWithParent();
			Properties config = BrokerConfig.singleNode(dataDir.resolve("kraft-logs"), port, controllerPort);
			Path configFile = write(config, dataDir.resolve("server.properties"));
			formatOnFirstStart(config, configFile);
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
			started.set(server);
			server.startup();
			String bootstrapServers = "127.0.0.1:" + port;
			awaitBrokerServing(bootstrapServers);
			NodeRuntime.markReady(Map.of("port", Integer.toString(port), "controller-port",
					Integer.toString(controllerPort), "bootstrap-servers", bootstrapServers));
		}
		catch (Throwable ex) {
			NodeRuntime.fail(NAME, ex);
		}
		NodeRuntime.awaitShutdown();
	}

	/**
	 * A broker refuses to start on unformatted storage; formatting again would change the
	 * cluster id and orphan the data, so only a directory without {@code meta.properties}
	 * is formatted.
	 */
	private static void formatOnFirstStart(Properties config, Path configFile) {
		Path logDir = Path.of(config.getProperty("log.dirs"));
		if (Files.isRegularFile(logDir.resolve("meta.properties"))) {
			return;
		}
		String clusterId = Uuid.randomUuid().toString();
		int exitCode = StorageTool.execute(new String[] { "format", "-t", clusterId, "-c", configFile.toString() },
				System.out);
		if (exitCode != 0) {
			throw new IllegalStateException("Formatting " + logDir + " failed with exit code " + exitCode);
		}
	}

	/**
	 * "Kafka Server started" comes before the broker is unfenced; a broker listed by the
	 * cluster is one a client can produce to.
	 */
	private static void awaitBrokerServing(String bootstrapServers) throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10_000))) {
			while (true) {
				try {
					if (!admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (ExecutionException | TimeoutException ex) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("Broker not serving after " + READY_TIMEOUT.toSeconds() + " s",
								ex);
					}
				}
				TimeUnit.MILLISECONDS.sleep(200);
			}
		}
	}

	private static Path write(Properties config, Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file)) {
			config.store(out, "Written by KafkaNode at every start; edits are overwritten");
		}
		return file;
	}

	private static void shutdown(KafkaRaftServer server) {
		if (server == null) {
			return;
		}
		server.shutdown();
		server.awaitShutdown();
	}

}
