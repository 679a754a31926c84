package io.orderflow.deploy;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The services the gateway routes to: the hosts of its {@code lb://} route URIs. */
final class GatewayRoutes {

	private GatewayRoutes() {
	}

	static Set<String> targets() {
		Map<String, Object> yaml = OrderflowService.of("gateway").applicationYaml();
		Object routes = YamlDocuments.at(yaml, "spring", "cloud", "gateway", "server", "webflux", "routes");
		Set<String> targets = new TreeSet<>();
		for (Object route : YamlDocuments.asList(routes)) {
			URI uri = URI.create(String.valueOf(YamlDocuments.asMap(route).get("uri")));
			if ("lb".equals(uri.getScheme())) {
				targets.add(uri.getHost());
			}
		}
		if (targets.isEmpty()) {
			throw new IllegalStateException("The gateway's application.yml has no lb:// routes");
		}
		return targets;
	}

}
