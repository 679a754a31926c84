package io.orderflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.orderflow.stack.node.NodeRuntime;

/** Starts an embedded server node as its own JVM and waits until it says it is ready. */
public final class NodeLauncher {

	private static final Duration FAILED_START_GRACE = Duration.ofSeconds(10);

	private final Checkout checkout;

	public NodeLauncher(Checkout checkout) {
		this.checkout = checkout;
	}

	/**
	 * Starts {@code node} under {@code name}, passing {@code args} as
	 * {@code --key=value}, with its log and ready file under {@code runDirectory}.
	 * @param exitWithParent whether the node ends when this JVM ends (tests: yes; the CLI
	 * stack: no)
	 */
	public RunningNode start(Node node, String name, Map<String, String> args, Path runDirectory, Path logFile,
			boolean exitWithParent, Duration timeout) {
		Path readyFile = runDirectory.resolve(name + ".ready");
		try {
			Files.createDirectories(runDirectory);
			Files.deleteIfExists(readyFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> command = new ArrayList<>();
		command.add(javaExecutable());
		command.addAll(node.jvmOptions());
		command.add("-Dorderflow.component=" + name);
		command.add("-D" + NodeRuntime.READY_FILE + "=" + readyFile.toAbsolutePath());
		if (exitWithParent) {
			command.add("-D" + NodeRuntime.PARENT_PID + "=" + ProcessHandle.current().pid());
		}
		command.add("-cp");
		command.add(this.checkout.nodeClasspath(node.module()));
		command.add(node.mainClass());
		args.forEach((key, value) -> command.add("--" + key + "=" + value));
		ManagedProcess process = ManagedProcess.start(name, command, Map.of(), runDirectory, logFile);
		RunningNode running = new RunningNode(name, node, process, readyFile);
		try {
			process.awaitReady(timeout, () -> Files.isRegularFile(readyFile));
		}
		catch (StartupFailure ex) {
			// A node that is slow rather than hung still gets to stop what it started:
			// before its ready file names them, the launcher knows none of its detached
			// processes (a postmaster) and a SIGKILL would orphan them.
			running.process().stop(FAILED_START_GRACE, List.of());
			throw ex;
		}
		return running;
	}

	/**
	 * The JDK running this launcher (25, found by ./orderflow or the Maven toolchain).
	 */
	public static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

}
