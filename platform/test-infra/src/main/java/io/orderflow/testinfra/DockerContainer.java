package io.orderflow.testinfra;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A started Testcontainers container stopped and started again through the Docker API,
 * not through Testcontainers, which would remove it: the container keeps its file system,
 * volumes and (fixed) host ports, so clients find the same server with the same data.
 */
final class DockerContainer implements ServerProcess {

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final GenericContainer<?> container;

	private final String name;

	private final Supplier<BooleanSupplier> servingAfterStart;

	private final Duration startupTimeout;

	/**
	 * @param servingAfterStart asked just before a restart, answers whether that restart
	 * serves (a running container is not yet a ready server)
	 */
	DockerContainer(GenericContainer<?> container, String name, Supplier<BooleanSupplier> servingAfterStart,
			Duration startupTimeout) {
		this.container = container;
		this.name = name;
		this.servingAfterStart = servingAfterStart;
		this.startupTimeout = startupTimeout;
	}

	@Override
	public synchronized void stop() {
		if (isRunning()) {
			docker().stopContainerCmd(id()).withTimeout((int) STOP_GRACE.toSeconds()).exec();
		}
	}

	@Override
	public synchronized void kill() {
		if (isRunning()) {
			docker().killContainerCmd(id()).exec();
		}
	}

	@Override
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		BooleanSupplier serving = this.servingAfterStart.get();
		docker().startContainerCmd(id()).exec();
		long deadline = System.nanoTime() + this.startupTimeout.toNanos();
		while (!serving.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " did not serve again within "
						+ this.startupTimeout.toSeconds() + " s; last log lines:\n" + tail(this.container.getLogs()));
			}
			pause();
		}
	}

	@Override
	public boolean isRunning() {
		Boolean running = docker().inspectContainerCmd(id()).exec().getState().getRunning();
		return Boolean.TRUE.equals(running);
	}

	@Override
	public String diagnostics() {
		return "container " + this.name + " (" + this.container.getDockerImageName() + ", id "
				+ this.container.getContainerId() + ")";
	}

	private String id() {
		return this.container.getContainerId();
	}

	private static DockerClient docker() {
		return DockerClientFactory.instance().client();
	}

	private static String tail(String log) {
		String[] lines = log.split("\n");
		StringBuilder tail = new StringBuilder();
		for (int i = Math.max(0, lines.length - 20); i < lines.length; i++) {
			tail.append("  ").append(lines[i]).append('\n');
		}
		return tail.toString();
	}

	private static void pause() {
		try {
			Thread.sleep(Duration.ofMillis(250));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a container", ex);
		}
	}

}
