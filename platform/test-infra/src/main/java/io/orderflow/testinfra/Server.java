package io.orderflow.testinfra;

/**
 * A running server shared by every test in this JVM, with the chaos controls later tests
 * need: stop it (or kill it) and start it again on the same address with the same data.
 * <p>
 * The address never changes, so clients built before a stop reconnect by themselves once
 * it is back; {@link #start()} returns only when the server serves again. The server is
 * shared by every test in the JVM: a test that stops it starts it again, in a
 * {@code finally} block or an {@code @AfterEach} ({@link #start()} does nothing when it
 * runs).
 */
public abstract class Server {

	private final ServerProcess process;

	Server(ServerProcess process) {
		this.process = process;
	}

	/** Stops the server gracefully; its data stays. */
	public void stop() {
		this.process.stop();
	}

	/** Kills the server (SIGKILL): a crash, for tests of recovery. */
	public void kill() {
		this.process.kill();
	}

	/**
	 * Starts a stopped or killed server again on the same port and data, returning once
	 * it serves; does nothing when it is running.
	 */
	public void start() {
		this.process.start();
	}

	public boolean isRunning() {
		return this.process.isRunning();
	}

	/** Where to look when the server misbehaves: its log file or container. */
	public String diagnostics() {
		return this.process.diagnostics();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.process.diagnostics() + "]";
	}

}
