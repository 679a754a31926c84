package io.orderflow.testinfra;

/** What a test can ask for. */
public enum Infrastructure {

	/** A Kafka broker: {@link TestInfrastructure#kafka()}. */
	KAFKA,

	/** A PostgreSQL server: {@link TestInfrastructure#postgres()}. */
	POSTGRES,

	/** A MongoDB server: {@link TestInfrastructure#mongo()}. */
	MONGO,

	/**
	 * A search engine speaking the Elasticsearch API:
	 * {@link TestInfrastructure#search()}.
	 */
	SEARCH,

	/** A Redis server: {@link TestInfrastructure#redis()}. */
	REDIS,

	/** The in-memory trace sink: {@link TestInfrastructure#traces()}. */
	TRACES,

	/**
	 * The key set that verifies {@link TestTokens}, served on loopback:
	 * {@link TestTokens#jwkSetUri()}.
	 */
	TOKENS

}
