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
import java.util.stream.Stream;

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
		return alive(this.pid);
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

	/**
	 * SIGTERM to the process group (and the extra pids), SIGKILL after {@code grace}.
	 * Returns once none of them runs any more, so the ports are free again.
	 */
	public void stop(Duration grace, List<Long> extraPids) {
		signal("TERM", extraPids);
		long deadline = System.nanoTime() + grace.toNanos();
		while (System.nanoTime() < deadline && anyRunning(extraPids)) {
			pause(Duration.ofMillis(100));
		}
		if (anyRunning(extraPids)) {
			kill(extraPids);
		}
	}

	/** SIGKILL to the process group (and the extra pids): the chaos button. */
	public void kill(List<Long> extraPids) {
		signal("KILL", extraPids);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline && anyRunning(extraPids)) {
			pause(Duration.ofMillis(50));
		}
	}

	/**
	 * The process, what is left of its group (children outlive a JVM that exited before
	 * them), or an extra pid.
	 */
	private boolean anyRunning(List<Long> extraPids) {
		return isAlive() || anyAlive(extraPids) || groupRunning(this.pid);
	}

	private void signal(String signal, List<Long> extraPids) {
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal, "--"));
		if (groupRunning(this.pid)) {
			// setsid made the process a session leader: its group id is its pid, and the
			// group lives on while any member does, even after the leader exited.
			command.add("-" + this.pid);
		}
		else if (isAlive()) {
			command.add(Long.toString(this.pid));
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

	/** Whether any process of group {@code group} still runs. */
	private static boolean groupRunning(long group) {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.map((process) -> process.getFileName().toString())
				.filter((name) -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
				.map((name) -> stat(Long.parseLong(name)))
				.flatMap(Optional::stream)
				.anyMatch((stat) -> stat.group() == group && stat.running());
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	/**
	 * State and group from {@code /proc/<pid>/stat}, read after the command name, which
	 * may contain spaces.
	 */
	private static Optional<Stat> stat(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[2])));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean anyAlive(List<Long> pids) {
		return pids.stream().anyMatch(ManagedProcess::alive);
	}

	/**
	 * A zombie has ended and only waits for its parent to collect it, which for orphans
	 * (the postmaster, once pg_ctl is gone) can take seconds; it holds no port or file.
	 */
	private static boolean alive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
				&& stat(pid).map(Stat::running).orElse(true);
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

	private record Stat(char state, long group) {

		boolean running() {
			return this.state != 'Z' && this.state != 'X';
		}

	}

	/** A readiness check; may be called many times. */
	@FunctionalInterface
	public interface Probe {

		boolean check();

	}

}
