package io.orderflow.deploy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.orderflow.deploy.Need.DISCOVERY_CLIENT;
import static io.orderflow.deploy.Need.DISCOVERY_SERVER;
import static io.orderflow.deploy.Need.ELASTICSEARCH;
import static io.orderflow.deploy.Need.JWT;
import static io.orderflow.deploy.Need.KAFKA;
import static io.orderflow.deploy.Need.MONGO;
import static io.orderflow.deploy.Need.PAYMENT_PROVIDER;
import static io.orderflow.deploy.Need.POSTGRES;
import static io.orderflow.deploy.Need.REDIS;
import static io.orderflow.deploy.Need.TOKEN_CLIENT;
import static io.orderflow.deploy.Need.TOKEN_ISSUER;

/**
 * A Spring Boot application orderflow deploys: its name (= spring.application.name, the
 * compose service, the Kubernetes Deployment and Service, and the gateway's {@code lb://}
 * host), its module and what it needs, as the embedded stack wires it.
 *
 * @param name the name everywhere
 * @param module the Maven module directory
 * @param needs what it must be given
 * @param onKubernetes whether the Kubernetes manifests run it (Eureka does not run there)
 */
record OrderflowService(String name, String module, Set<Need> needs, boolean onKubernetes) {

	static final List<OrderflowService> ALL = List.of(
			new OrderflowService("discovery", "discovery", EnumSet.of(DISCOVERY_SERVER), false),
			new OrderflowService("auth-server", "auth-server", EnumSet.of(DISCOVERY_CLIENT, TOKEN_ISSUER), true),
			new OrderflowService("order-service", "order-service", EnumSet.of(KAFKA, POSTGRES, DISCOVERY_CLIENT, JWT),
					true),
			new OrderflowService("inventory-service", "inventory-service",
					EnumSet.of(KAFKA, POSTGRES, DISCOVERY_CLIENT, JWT), true),
			new OrderflowService("payment-service", "payment-service",
					EnumSet.of(KAFKA, POSTGRES, DISCOVERY_CLIENT, JWT, PAYMENT_PROVIDER), true),
			new OrderflowService("notification-service", "notification-service",
					EnumSet.of(KAFKA, MONGO, DISCOVERY_CLIENT, JWT), true),
			new OrderflowService("search-service", "search-service",
					EnumSet.of(KAFKA, ELASTICSEARCH, DISCOVERY_CLIENT, JWT, TOKEN_CLIENT), true),
			new OrderflowService("gateway", "gateway", EnumSet.of(REDIS, DISCOVERY_CLIENT, JWT), true),
			new OrderflowService("payment-provider", "local-stack/payment-provider", EnumSet.noneOf(Need.class), true));

	static Optional<OrderflowService> named(String name) {
		return ALL.stream().filter((service) -> service.name().equals(name)).findFirst();
	}

	static OrderflowService of(String name) {
		return named(name).orElseThrow(() -> new IllegalArgumentException("No orderflow service " + name));
	}

	/** The module's application.yml as a tree. */
	Map<String, Object> applicationYaml() {
		return YamlDocuments.one(Repository.read(this.module + "/src/main/resources/application.yml"));
	}

	/**
	 * The port it listens on unless told otherwise (server.port of its application.yml).
	 */
	int defaultPort() {
		Object port = YamlDocuments.at(applicationYaml(), "server", "port");
		if (port == null) {
			throw new IllegalStateException(this.name + " sets no server.port in its application.yml");
		}
		return Integer.parseInt(String.valueOf(port));
	}

	boolean gracefulShutdown() {
		return "graceful".equals(YamlDocuments.string(YamlDocuments.at(applicationYaml(), "server", "shutdown")));
	}

}
