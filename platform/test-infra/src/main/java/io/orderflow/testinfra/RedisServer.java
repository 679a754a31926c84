package io.orderflow.testinfra;

/** A standalone Redis server without authentication. */
public final class RedisServer extends Server {

	private final String host;

	private final int port;

	RedisServer(ServerProcess process, String host, int port) {
		super(process);
		this.host = host;
		this.port = port;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	/** {@code redis://host:port}. */
	public String uri() {
		return "redis://" + this.host + ":" + this.port;
	}

}
