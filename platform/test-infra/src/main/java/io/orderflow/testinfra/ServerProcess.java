package io.orderflow.testinfra;

/**
 * The process behind a {@link Server}: an embedded node's JVM or a Docker container. Both
 * keep their ports and data across a stop, so a restart is invisible to clients but for
 * the outage.
 */
interface ServerProcess {

	void stop();

	void kill();

	void start();

	boolean isRunning();

	String diagnostics();

}
