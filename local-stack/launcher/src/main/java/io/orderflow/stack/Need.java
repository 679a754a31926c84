package io.orderflow.stack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a service needs from another component: that component must be healthy before the
 * service starts, and the service gets the connection settings for it as Spring Boot
 * command-line properties derived from the port plan (so the same stack runs on any
 * offset, never falling back to a default port that might be another stack's).
 *
 * @param component the component needed
 * @param required whether the stack is incomplete without it; an ordering on an optional
 * component (the gateway starting after every domain service) is dropped when the
 * component's module does not exist yet
 * @param database the database a PostgreSQL need asks the postgres node to create (user
 * and password are the database name), if any
 * @param properties the Spring Boot properties that point the service at it
 */
public record Need(String component, boolean required, Optional<String> database,
		Function<PortPlan, Map<String, String>> properties) {

	private static final String HOST = "127.0.0.1";

	public static Need kafka() {
		return new Need("kafka", true, Optional.empty(),
				(ports) -> Map.of("spring.kafka.bootstrap-servers", HOST + ":" + ports.port("kafka")));
	}

	/** A database of its own on the shared PostgreSQL server. */
	public static Need postgres(String database) {
		return new Need("postgres", true, Optional.of(database),
				(ports) -> ordered("spring.datasource.url",
						"jdbc:postgresql://" + HOST + ":" + ports.port("postgres") + "/" + database,
						"spring.datasource.username", database, "spring.datasource.password", database));
	}

	/** A database on the MongoDB server (Boot 4 moved the URI to spring.mongodb.*). */
	public static Need mongo(String database) {
		return new Need("mongo", true, Optional.empty(), (ports) -> Map.of("spring.mongodb.uri",
				"mongodb://" + HOST + ":" + ports.port("mongo") + "/" + database));
	}

	/**
	 * The Elasticsearch API (an OpenSearch node, which the Elasticsearch client reaches
	 * only with search-service's header adapter switched on).
	 */
	public static Need search() {
		return new Need("search", true, Optional.empty(), (ports) -> ordered("spring.elasticsearch.uris",
				"http://" + HOST + ":" + ports.port("search"), "orderflow.search.opensearch-compatibility", "true"));
	}

	public static Need redis() {
		return new Need("redis", true, Optional.empty(), (ports) -> ordered("spring.data.redis.host", HOST,
				"spring.data.redis.port", Integer.toString(ports.port("redis"))));
	}

	/**
	 * Registers with Eureka under the loopback address, the only one services listen on
	 * here.
	 */
	public static Need discovery() {
		return new Need("discovery", true, Optional.empty(),
				(ports) -> ordered("eureka.client.service-url.defaultZone",
						"http://" + HOST + ":" + ports.port("discovery") + "/eureka/",
						"eureka.instance.prefer-ip-address", "true", "eureka.instance.ip-address", HOST));
	}

	/**
	 * Validates JWTs: signatures against the auth-server's key set, and the {@code iss}
	 * claim against {@link #issuer(PortPlan) the issuer} the auth-server is told to use.
	 */
	public static Need auth() {
		return new Need("auth-server", true, Optional.empty(),
				(ports) -> ordered("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
						"http://" + HOST + ":" + ports.port("auth-server") + "/oauth2/jwks",
						"spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer(ports)));
	}

	/**
	 * Fetches tokens of its own (client credentials) from the auth-server's token
	 * endpoint, named by {@code property}; validates JWTs as {@link #auth()} does.
	 */
	public static Need authClient(String property) {
		return new Need("auth-server", true, Optional.empty(), (ports) -> {
			Map<String, String> properties = new LinkedHashMap<>(auth().properties().apply(ports));
			properties.put(property, issuer(ports) + "/oauth2/token");
			return properties;
		});
	}

	/**
	 * The {@code iss} of every token: the auth-server's own address on this plan's ports
	 * (clients fetch tokens through the gateway, but the issuer names the server that
	 * signs them).
	 */
	public static String issuer(PortPlan ports) {
		return "http://" + HOST + ":" + ports.port("auth-server");
	}

	/**
	 * Another component's HTTP base URL in {@code property}: how a service finds, e.g.,
	 * the payment provider simulator.
	 */
	public static Need http(String component, String property) {
		return new Need(component, true, Optional.empty(),
				(ports) -> Map.of(property, "http://" + HOST + ":" + ports.port(component)));
	}

	/** Only an ordering: start after {@code component} is healthy. */
	public static Need after(String component) {
		return new Need(component, true, Optional.empty(), (ports) -> Map.of());
	}

	/**
	 * Only an ordering, and only if {@code component} is part of the stack: the gateway
	 * starts last so that a healthy gateway means a usable system.
	 */
	public static Need afterIfPresent(String component) {
		return new Need(component, false, Optional.empty(), (ports) -> Map.of());
	}

	private static Map<String, String> ordered(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
