package io.orderflow.stack.node.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.orderflow.stack.node.NodeRuntime;
import org.bson.Document;

/**
 * mongo-java-server speaking the MongoDB wire protocol on loopback, stored in one H2 file
 * under {@code --data-dir} (or in memory with {@code --in-memory}), with the oplog on so
 * change streams work. Args: {@code --data-dir}, {@code --port}, {@code --in-memory}.
 */
public final class MongoNode {

	private static final String NAME = "mongo";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private MongoNode() {
	}

	public static void main(String[] args) {
		AtomicReference<MongoServer> started = new AtomicReference<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(started.get()), "mongo-node-shutdown"));
		try {
			Map<String, String> arguments = NodeRuntime.arguments(args);
			Path dataDir = Files
				.createDirectories(Path.of(NodeRuntime.required(arguments, "data-dir")).toAbsolutePath());
			int port = Integer.parseInt(NodeRuntime.required(arguments, "port"));
			boolean inMemory = Boolean.parseBoolean(arguments.getOrDefault("in-memory", "false"));
			NodeRuntime.exitWithParent();
			MongoServer server = new MongoServer(backend(dataDir, inMemory));
			server.enableOplog();
			started.set(server);
			server.bind("127.0.0.1", port);
			String uri = "mongodb://127.0.0.1:" + port;
			ping(uri);
			NodeRuntime.markReady(Map.of("port", Integer.toString(port), "uri", uri));
		}
		catch (Throwable ex) {
			NodeRuntime.fail(NAME, ex);
		}
		NodeRuntime.awaitShutdown();
	}

	private static MongoBackend backend(Path dataDir, boolean inMemory) {
		if (inMemory) {
			return new MemoryBackend();
		}
		return new H2Backend(dataDir.resolve("mongo.mv.db").toString());
	}

	/** Proves the wire protocol answers, as a service's driver will speak it. */
	private static void ping(String uri) throws InterruptedException {
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(uri))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (MongoClient client = MongoClients.create(settings)) {
			while (true) {
				try {
					client.getDatabase("admin").runCommand(new Document("ping", 1));
					return;
				}
				catch (MongoException ex) {
					if (System.nanoTime() > deadline) {
						throw ex;
					}
				}
				TimeUnit.MILLISECONDS.sleep(100);
			}
		}
	}

	/** Closing the server closes the backend, which writes the H2 store out. */
	private static void shutdown(MongoServer server) {
		if (server != null) {
			server.shutdown();
		}
	}

}
