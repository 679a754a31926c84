package io.orderflow.testinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.orderflow.stack.NodeLauncher;
import io.orderflow.stack.Node;
import io.orderflow.stack.RunningNode;
import io.orderflow.stack.StartupFailure;

/**
 * A {@code local-stack} node run for this JVM: started with the same arguments (ports,
 * data directory) every time, so a restart finds its data where it left it. It ends with
 * this JVM even when the JVM is killed.
 */
final class EmbeddedNode implements ServerProcess {

	private final NodeLauncher launcher;

	private final Node node;

	private final Map<String, String> args;

	private final Path runDirectory;

	private final Duration startupTimeout;

	private RunningNode running;

	EmbeddedNode(NodeLauncher launcher, Node node, Map<String, String> args, Path runDirectory,
			Duration startupTimeout) {
		this.launcher = launcher;
		this.node = node;
		this.args = Map.copyOf(args);
		this.runDirectory = runDirectory;
		this.startupTimeout = startupTimeout;
	}

	/** The facts the node wrote to its ready file ({@code port}, {@code username}...). */
	synchronized Map<String, String> facts() {
		return (this.running != null) ? this.running.facts() : Map.of();
	}

	@Override
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			this.running = this.launcher.start(this.node, name(), this.args, this.runDirectory, logFile(), true,
					this.startupTimeout);
		}
		catch (StartupFailure ex) {
			throw new IllegalStateException("The embedded " + name() + " server did not start (its log: " + ex.logFile()
					+ ", its data: " + this.runDirectory + ")", ex);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.running != null) {
			this.running.stop();
			this.running = null;
		}
	}

	@Override
	public synchronized void kill() {
		if (this.running != null) {
			this.running.kill();
			this.running = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running != null && this.running.isAlive();
	}

	@Override
	public String diagnostics() {
		return "embedded " + name() + ", log " + logFile();
	}

	private String name() {
		return this.node.module().replace("-node", "");
	}

	private Path logFile() {
		return this.runDirectory.resolve(name() + ".log");
	}

}
