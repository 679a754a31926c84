package io.orderflow.testinfra;

/**
 * A MongoDB server without authentication: MongoDB 8 as a single-node replica set in a
 * container, or mongo-java-server embedded.
 * <p>
 * The embedded server keeps its data in memory, so {@link #stop()} then {@link #start()}
 * brings it back empty there; multi-document transactions, {@code $text} and TTL expiry
 * work only in a container (see INFRA-NOTES).
 */
public final class MongoServer extends Server {

	private final String host;

	private final int port;

	private final boolean embedded;

	MongoServer(ServerProcess process, String host, int port, boolean embedded) {
		super(process);
		this.host = host;
		this.port = port;
		this.embedded = embedded;
	}

	/** {@code mongodb://host:port}, no database. */
	public String connectionString() {
		return "mongodb://" + this.host + ":" + this.port;
	}

	/**
	 * {@code mongodb://host:port/database}; MongoDB creates the database on first write.
	 */
	public String connectionString(String database) {
		return connectionString() + "/" + database;
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	/**
	 * Whether this is mongo-java-server, which lacks transactions, text search and TTL.
	 */
	public boolean isEmbedded() {
		return this.embedded;
	}

}
