package io.orderflow.stack.node.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.orderflow.stack.node.NodeRuntime;
import redis.embedded.core.ExecutableProvider;

/**
 * redis-server 6.2 (the binary embedded-redis ships) on loopback, persisting to an
 * append-only file under {@code --data-dir}. Args: {@code --data-dir}, {@code --port}.
 * <p>
 * embedded-redis' own {@code RedisServer} is not used: it closes the server's output once
 * it has seen the ready line, so nothing after start-up would reach the log. The server
 * runs as a plain child instead, in this node's process group, writing to this node's
 * output.
 */
public final class RedisNode {

	private static final String NAME = "redis";

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private RedisNode() {
	}

	public static void main(String[] args) {
		AtomicReference<Process> started = new AtomicReference<>();
		AtomicBoolean stopping = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			stop(started.get());
		}, "redis-node-shutdown"));
		try {
			Map<String, String> arguments = NodeRuntime.arguments(args);
			Path dataDir = Files
				.createDirectories(Path.of(NodeRuntime.required(arguments, "data-dir")).toAbsolutePath());
			int port = Integer.parseInt(NodeRuntime.required(arguments, "port"));
			NodeRuntime.exitWithParent();
			Path executable = ExecutableProvider
				.newJarResourceProvider(Files.createDirectories(dataDir.resolve("bin")).toFile())
				.get()
				.toPath();
			Path config = writeConfig(dataDir, port);
			Process server = new ProcessBuilder(List.of(executable.toString(), config.toString()))
				.directory(dataDir.toFile())
				.inheritIO()
				.start();
			started.set(server);
			awaitPong(server, port);
			NodeRuntime.markReady(Map.of("port", Integer.toString(port), "url", "redis://127.0.0.1:" + port));
			// A node whose server died must not look healthy to the launcher, which
			// watches the node's process only.
			server.onExit().thenRun(() -> {
				if (!stopping.get()) {
					NodeRuntime.fail(NAME, new IllegalStateException("redis-server exited with " + server.exitValue()));
				}
			});
		}
		catch (Throwable ex) {
			NodeRuntime.fail(NAME, ex);
		}
		NodeRuntime.awaitShutdown();
	}

	/**
	 * Written at every start, so the file always shows what the server runs with. Only
	 * the append-only file persists: every write is logged and fsynced each second, where
	 * RDB snapshots would lose minutes after a kill.
	 */
	private static Path writeConfig(Path dataDir, int port) throws IOException {
		Path config = dataDir.resolve("redis.conf");
		Files.writeString(config,
				String.join("\n", "# Written by RedisNode at every start; edits are overwritten", "bind 127.0.0.1",
						"port " + port, "dir " + dataDir, "daemonize no", "appendonly yes", "appendfsync everysec",
						"save \"\"", ""));
		return config;
	}

	/** Replaying a large append-only file answers LOADING until it is done. */
	private static void awaitPong(Process server, int port) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (!answersPong(port)) {
			if (!server.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + server.exitValue() + " during start-up");
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"redis-server did not answer PONG within " + READY_TIMEOUT.toSeconds() + " s");
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	private static boolean answersPong(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
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

	/** SIGTERM makes redis-server flush the append-only file before it exits. */
	private static void stop(Process server) {
		if (server == null || !server.isAlive()) {
			return;
		}
		server.destroy();
		try {
			if (!server.waitFor(20, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			server.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
