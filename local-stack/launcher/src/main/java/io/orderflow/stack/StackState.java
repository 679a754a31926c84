package io.orderflow.stack;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The directory a stack keeps between launcher runs ({@code .orderflow/} in the checkout,
 * git-ignored): {@code data/<component>} survives restarts, {@code logs/<component>.log}
 * collects each process's output (the previous start's in {@code <component>.log.1}),
 * {@code run/} holds pid and ready files and the port plan the stack was started with.
 */
public record StackState(Path root) {

	public StackState {
		root = root.toAbsolutePath().normalize();
	}

	public Path dataDirectory(String component) {
		return this.root.resolve("data").resolve(component);
	}

	public Path logsDirectory() {
		return this.root.resolve("logs");
	}

	public Path logFile(String component) {
		return logsDirectory().resolve(component + ".log");
	}

	/**
	 * Keeps the log of the previous run as {@code <component>.log.1}, so a new start's
	 * log (and a start-up failure's tail) holds only that start.
	 */
	public void rotateLog(String component) {
		Path log = logFile(component);
		try {
			if (Files.isRegularFile(log) && Files.size(log) > 0) {
				Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path runDirectory() {
		return this.root.resolve("run");
	}

	/**
	 * Where a node announces readiness ({@link NodeLauncher} puts it in the run
	 * directory).
	 */
	public Path readyFile(String component) {
		return runDirectory().resolve(component + ".ready");
	}

	public Path pidFile(String component) {
		return runDirectory().resolve(component + ".pid");
	}

	public OptionalLong pid(String component) {
		Path file = pidFile(component);
		try {
			return Files.isRegularFile(file) ? OptionalLong.of(Long.parseLong(Files.readString(file).strip()))
					: OptionalLong.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	public void recordPid(String component, long pid) {
		write(pidFile(component), pid + "\n");
	}

	public void forgetPid(String component) {
		delete(pidFile(component));
	}

	/** The port offset the stack was last started with, if it was. */
	public OptionalInt portOffset() {
		Path file = runDirectory().resolve("stack.properties");
		if (!Files.isRegularFile(file)) {
			return OptionalInt.empty();
		}
		try {
			Properties properties = new Properties();
			properties.load(new StringReader(Files.readString(file)));
			return OptionalInt.of(Integer.parseInt(properties.getProperty("port-offset", "0").strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalInt.empty();
		}
	}

	public void recordPortOffset(int offset) {
		write(runDirectory().resolve("stack.properties"),
				"# The port plan this stack runs on (see ./orderflow help)\nport-offset=" + offset + "\n");
	}

	/** Deletes data and logs (the run directory is kept: it may name live processes). */
	public void wipeDataAndLogs() {
		deleteTree(this.root.resolve("data"));
		deleteTree(logsDirectory());
	}

	/** Reads a log's last {@code lines} lines, empty if there is no log. */
	public Optional<String> tail(String component, int lines) {
		Path file = logFile(component);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (Stream<String> all = Files.lines(file)) {
			Deque<String> window = new ArrayDeque<>();
			all.forEach((line) -> {
				window.addLast(line);
				if (window.size() > lines) {
					window.removeFirst();
				}
			});
			return Optional.of(String.join("\n", window));
		}
		catch (IOException | UncheckedIOException ex) {
			return Optional.empty();
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temporary, content);
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(StackState::delete);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
