package io.orderflow.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import static io.orderflow.gateway.security.Scopes.ADMIN;
import static io.orderflow.gateway.security.Scopes.require;

/**
 * The scope every public path needs, first match wins. Reads are GET and HEAD; any other
 * method on a path is a write. Paths outside this list need a valid token and no scope
 * (and then find no route: 404).
 */
final class AccessRules {

	private AccessRules() {
	}

	static void apply(AuthorizeExchangeSpec exchanges) {
		// @formatter:off
		exchanges
			.pathMatchers("/oauth2/token", "/oauth2/jwks").permitAll()
			.pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
			.pathMatchers("/actuator/**").access(require(ADMIN))
			.pathMatchers("/api/v1/admin/**").access(require(ADMIN))
			.pathMatchers(HttpMethod.POST, "/api/v1/orders/*/saga/resume").access(require(ADMIN))
			.matchers(reads("/api/v1/orders/**")).access(require("orders:read"))
			.pathMatchers("/api/v1/orders/**").access(require("orders:write"))
			.matchers(reads("/api/v1/products/**")).access(require("products:read"))
			.pathMatchers("/api/v1/products/**", "/api/v1/reservations/**").access(require(ADMIN))
			.pathMatchers("/api/v1/payments/**").access(require(ADMIN))
			.pathMatchers("/api/v1/notifications/**").access(require("notifications"))
			.pathMatchers("/api/v1/search/reindex/**").access(require(ADMIN))
			.matchers(reads("/api/v1/search/**")).access(require("search"))
			.pathMatchers("/api/v1/search/**").access(require(ADMIN))
			.anyExchange().authenticated();
		// @formatter:on
	}

	/**
	 * GET and HEAD on the paths; {@code /x/**} also matches {@code /x}.
	 */
	private static ServerWebExchangeMatcher reads(String... paths) {
		return new OrServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, paths),
				ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, paths));
	}

}
