package io.orderflow.testinfra;

/** A single Kafka broker (KRaft, broker and controller in one). */
public final class KafkaBroker extends Server {

	private final String host;

	private final int port;

	KafkaBroker(ServerProcess process, String host, int port) {
		super(process);
		this.host = host;
		this.port = port;
	}

	/** {@code host:port}, for {@code bootstrap.servers}. */
	public String bootstrapServers() {
		return this.host + ":" + this.port;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

}
