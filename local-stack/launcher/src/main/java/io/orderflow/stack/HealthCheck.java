package io.orderflow.stack;

/**
 * Whether a component answers on its port as it should: a real request in its own
 * protocol, not just an open socket (a port can accept connections long before the server
 * behind it serves).
 */
@FunctionalInterface
public interface HealthCheck {

	boolean isHealthy(int port);

	/** {@code GET http://127.0.0.1:<port><path>} answers 2xx. */
	static HealthCheck http(String path) {
		return (port) -> Probes.httpOk(port, path);
	}

	/** A Kafka broker answers an ApiVersions request. */
	static HealthCheck kafka() {
		return Probes::kafkaApiVersions;
	}

	/** PostgreSQL accepts a session (not just a socket: it refuses while starting up). */
	static HealthCheck postgres() {
		return Probes::postgresAcceptsSessions;
	}

	/** Redis answers PING with PONG (not LOADING). */
	static HealthCheck redis() {
		return Probes::redisPong;
	}

	/** A MongoDB server answers the hello command. */
	static HealthCheck mongo() {
		return Probes::mongoHello;
	}

}
