package io.orderflow.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operating-system process the launcher started: a server node or a service JVM.
 * <p>
 * Each is started in a session of its own ({@code setsid}), so Ctrl-C on the terminal
 * reaches only the launcher, which then stops everything in order, and so stopping or
 * killing a component reaches its whole process group (PostgreSQL and Redis run as
 * children of their node JVMs). Processes a node detached from its group on purpose
 * (pg_ctl makes the postmaster a session leader) are reported in the node's ready file as
 * {@code pids=} and signalled with it.
 */
public final class ManagedProcess {

	private final String name;

	private final long pid;

	private final Path logFile;

	private ManagedProcess(String name, long pid, Path logFile) {
		this.name = name;
		this.pid = pid;
		this.logFile = logFile;
	}

	/**
	 * Starts {@code command} detached from the caller's terminal, output appended to
	 * {@code logFile}, input from {@code /dev/null}.
	 */
	public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
			Path workingDirectory, Path logFile) {
		List<String> full = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
			full.add("/usr/bin/setsid");
		}
		full.addAll(command);
		try {
			Files.createDirectories(logFile.toAbsolutePath().getParent());
			Files.createDirectories(workingDirectory);
			ProcessBuilder builder = new ProcessBuilder(full).directory(workingDirectory.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
				.redirectErrorStream(true);
			builder.environment().putAll(environment);
			Process process = builder.start();
			return new ManagedProcess(name, process.pid(), logFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", full), ex);
		}
	}

	/** Re-attaches to a process started earlier (by another launcher invocation). */
	public static ManagedProcess attach(String name, long pid, Path logFile) {
		return new ManagedProcess(name, pid, logFile);
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.pid;
	}

	public Path logFile() {
		return this.logFile;
	}

	public boolean isAlive() {
		return ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/**
	 * Waits until {@code ready} holds, failing fast (with the log's tail) when the
	 * process dies or the timeout passes.
	 */
	public void awaitReady(Duration timeout, Probe ready) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (ready.check()) {
				return;
			}
			if (!isAlive()) {
				throw new StartupFailure(this.name, "exited during start-up", this.logFile);
			}
			if (System.nanoTime() > deadline) {
				throw new StartupFailure(this.name, "not ready after " + timeout.toSeconds() + " s", this.logFile);
			}
			pause(Duration.ofMillis(200));
		}
	}

	/** SIGTERM to the process group (and the extra pids), SIGKILL after {@code grace}. */
	public void stop(Duration grace, List<Long> extraPids) {
		signal("TERM", extraPids);
		long deadline = System.nanoTime() + grace.toNanos();
		while (System.nanoTime() < deadline && (isAlive() || anyAlive(extraPids))) {
			pause(Duration.ofMillis(100));
		}
		if (isAlive() || anyAlive(extraPids)) {
			kill(extraPids);
		}
	}

	/** SIGKILL to the process group (and the extra pids): the chaos button. */
	public void kill(List<Long> extraPids) {
		signal("KILL", extraPids);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline && (isAlive() || anyAlive(extraPids))) {
			pause(Duration.ofMillis(50));
		}
	}

	private void signal(String signal, List<Long> extraPids) {
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal, "--"));
		if (isAlive()) {
			// A session leader's group id is its pid; without setsid only the process
			// itself.
			command.add((isGroupLeader() ? "-" : "") + this.pid);
		}
		extraPids.stream().filter(ManagedProcess::alive).forEach((extra) -> command.add(Long.toString(extra)));
		if (command.size() == 3) {
			return;
		}
		try {
			new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean isGroupLeader() {
		return processGroup(this.pid).map((group) -> group == this.pid).orElse(false);
	}

	/**
	 * Field 5 of {@code /proc/<pid>/stat}, read after the command name, which may contain
	 * spaces.
	 */
	private static Optional<Long> processGroup(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(Long.parseLong(fields[2]));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean anyAlive(List<Long> pids) {
		return pids.stream().anyMatch(ManagedProcess::alive);
	}

	private static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** A readiness check; may be called many times. */
	@FunctionalInterface
	public interface Probe {

		boolean check();

	}

}
