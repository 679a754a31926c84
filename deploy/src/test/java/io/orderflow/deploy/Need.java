package io.orderflow.deploy;

import java.util.List;

/**
 * What a service needs from its surroundings, as in the embedded stack's wiring
 * (local-stack/launcher {@code Need} and {@code Components}): the properties that must be
 * set, and the property families only a service with this need may set.
 */
enum Need {

	KAFKA(List.of("spring.kafka.bootstrap-servers"), List.of("spring.kafka")),

	POSTGRES(List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password"),
			List.of("spring.datasource", "spring.flyway", "spring.jpa")),

	MONGO(List.of("spring.mongodb.uri"), List.of("spring.mongodb", "spring.data.mongodb")),

	ELASTICSEARCH(List.of("spring.elasticsearch.uris"), List.of("spring.elasticsearch")),

	REDIS(List.of("spring.data.redis.host", "spring.data.redis.port"), List.of("spring.data.redis")),

	/**
	 * Registers with Eureka, or (on Kubernetes) is told not to: either the registry's URL
	 * or {@code eureka.client.enabled=false}.
	 */
	DISCOVERY_CLIENT(List.of(), List.of("eureka", "spring.cloud.discovery")),

	/** Is the Eureka server. */
	DISCOVERY_SERVER(List.of(), List.of("eureka")),

	JWT(List.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
			"spring.security.oauth2.resourceserver.jwt.issuer-uri"), List.of("spring.security.oauth2.resourceserver")),

	PAYMENT_PROVIDER(List.of("orderflow.payment.provider.base-url"), List.of("orderflow.payment.provider")),

	/**
	 * Fetches tokens of its own (client credentials) from the auth-server: today
	 * search-service only, for the owners' APIs it reindexes from.
	 */
	TOKEN_CLIENT(List.of("orderflow.search.sources.client.token-uri", "orderflow.search.sources.client.secret"),
			List.of("orderflow.search.sources.client")),

	/** The auth-server's own: the issuer it writes into tokens and where its key is. */
	TOKEN_ISSUER(List.of("orderflow.auth.issuer", "orderflow.auth.key-file"), List.of("orderflow.auth"));

	/**
	 * Every property family some need owns; a service may set one only with that need.
	 */
	static final List<String> INFRASTRUCTURE_FAMILIES = List.of("spring.kafka", "spring.datasource", "spring.flyway",
			"spring.jpa", "spring.mongodb", "spring.data.mongodb", "spring.elasticsearch", "spring.data.redis",
			"eureka", "spring.cloud.discovery", "spring.security.oauth2.resourceserver");

	private final List<String> requiredProperties;

	private final List<String> families;

	Need(List<String> requiredProperties, List<String> families) {
		this.requiredProperties = requiredProperties;
		this.families = families;
	}

	List<String> requiredProperties() {
		return this.requiredProperties;
	}

	List<String> families() {
		return this.families;
	}

}
