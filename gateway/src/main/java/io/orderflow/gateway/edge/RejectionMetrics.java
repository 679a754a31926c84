package io.orderflow.gateway.edge;

import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Counts the requests the gateway turns away, {@code orderflow.gateway.rejections} tagged
 * by route and status: 401 and 403 (security, which runs before routing, so the route is
 * looked up here) and 429 (rate limits).
 */
final class RejectionMetrics implements WebFilter, Ordered {

	static final String METER = "orderflow.gateway.rejections";

	private static final Set<Integer> COUNTED = Set.of(401, 403, 429);

	private static final String NO_ROUTE = "none";

	private final MeterRegistry registry;

	private final RouteLocator routes;

	RejectionMetrics(MeterRegistry registry, RouteLocator routes) {
		this.registry = registry;
		this.routes = routes;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> count(exchange));
		return chain.filter(exchange);
	}

	private Mono<Void> count(ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		if (status == null || !COUNTED.contains(status.value())) {
			return Mono.empty();
		}
		return routeId(exchange)
			.doOnNext((route) -> Counter.builder(METER)
				.description("Requests refused by the gateway (authentication, scope, rate limit)")
				.tag("route", route)
				.tag("status", Integer.toString(status.value()))
				.register(this.registry)
				.increment())
			.then();
	}

	private Mono<String> routeId(ServerWebExchange exchange) {
		Route routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (routed != null) {
			return Mono.just(routed.getId());
		}
		return this.routes.getRoutes()
			.filterWhen((route) -> route.getPredicate().apply(exchange))
			.next()
			.map(Route::getId)
			.defaultIfEmpty(NO_ROUTE);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

}
