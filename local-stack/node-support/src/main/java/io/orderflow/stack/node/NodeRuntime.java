package io.orderflow.stack.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The launcher's side of the contract with an embedded server JVM, seen from inside that
 * JVM.
 * <p>
 * A node is started as {@code java -cp <its classpath> <main> --key=value ...} with two
 * system properties from the launcher:
 * <ul>
 * <li>{@value #READY_FILE} — the node writes this file (atomically, {@code key=value}
 * lines) once it has checked itself and is ready to serve; the launcher waits for
 * it;</li>
 * <li>{@value #PARENT_PID} (optional) — the node exits, running its shutdown hooks, when
 * that process ends, so servers started for a test JVM never outlive it, even when it is
 * killed.</li>
 * </ul>
 * Every node stops cleanly on SIGTERM through a shutdown hook.
 */
public final class NodeRuntime {

	public static final String READY_FILE = "orderflow.node.ready-file";

	public static final String PARENT_PID = "orderflow.node.parent-pid";

	private NodeRuntime() {
	}

	/**
	 * Parses {@code --key=value} arguments; a bare {@code --flag} maps to {@code "true"}.
	 */
	public static Map<String, String> arguments(String[] args) {
		Map<String, String> parsed = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Expected --key=value, got: " + arg);
			}
			int eq = arg.indexOf('=');
			if (eq < 0) {
				parsed.put(arg.substring(2), "true");
			}
			else {
				parsed.put(arg.substring(2, eq), arg.substring(eq + 1));
			}
		}
		return parsed;
	}

	public static String required(Map<String, String> args, String key) {
		String value = args.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Missing required argument --" + key + "=...");
		}
		return value;
	}

	/**
	 * Exits this JVM (running shutdown hooks) when the launching process ends, if one was
	 * named.
	 */
	public static void exitWithParent() {
		String pid = System.getProperty(PARENT_PID);
		if (pid == null || pid.isBlank()) {
			return;
		}
		ProcessHandle.of(Long.parseLong(pid.trim()))
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> exit("parent process " + pid + " ended")),
					() -> exit("parent process " + pid + " is already gone"));
	}

	/** Announces readiness to the launcher: writes the ready file atomically. */
	public static void markReady(Map<String, String> facts) {
		String location = System.getProperty(READY_FILE);
		String content = facts.entrySet()
			.stream()
			.map((fact) -> fact.getKey() + "=" + fact.getValue())
			.collect(Collectors.joining("\n", "", "\n"));
		System.out.println("[orderflow-node] ready " + facts);
		if (location == null || location.isBlank()) {
			return;
		}
		Path readyFile = Path.of(location);
		try {
			Path temporary = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
			Files.createDirectories(readyFile.toAbsolutePath().getParent());
			Files.writeString(temporary, content);
			Files.move(temporary, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write ready file " + readyFile, ex);
		}
	}

	/** Keeps the main thread alive until the JVM is asked to stop. */
	public static void awaitShutdown() {
		try {
			Thread.currentThread().join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reports a start-up failure where the launcher's log pointer leads, then exits
	 * non-zero.
	 */
	public static void fail(String node, Throwable failure) {
		System.err.println("[orderflow-node] " + node + " failed to start: " + failure);
		failure.printStackTrace();
		System.exit(1);
	}

	private static void exit(String reason) {
		System.out.println("[orderflow-node] stopping: " + reason);
		System.exit(0);
	}

}
