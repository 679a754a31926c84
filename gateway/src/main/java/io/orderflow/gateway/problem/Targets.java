package io.orderflow.gateway.problem;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/** The service a request was routed to, by name, for problem details and logs. */
final class Targets {

	private static final String UNKNOWN = "The service";

	private Targets() {
	}

	static String of(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return (route != null && route.getUri().getHost() != null) ? route.getUri().getHost() : UNKNOWN;
	}

}
