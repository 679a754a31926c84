package io.orderflow.gateway.security;

import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Requires an OAuth2 scope, and remembers a missing one on the exchange so that the 403
 * can say which scope the request needs.
 */
final class Scopes {

	static final String ADMIN = "admin";

	private static final String MISSING = Scopes.class.getName() + ".missing";

	private Scopes() {
	}

	static ReactiveAuthorizationManager<AuthorizationContext> require(String scope) {
		AuthorityReactiveAuthorizationManager<AuthorizationContext> authority = AuthorityReactiveAuthorizationManager
			.hasAuthority("SCOPE_" + scope);
		return (authentication, context) -> authority.authorize(authentication, context).doOnNext((result) -> {
			if (!result.isGranted()) {
				context.getExchange().getAttributes().put(MISSING, scope);
			}
		});
	}

	/** The scope the request lacked, if a scope rule refused it. */
	static String missing(ServerWebExchange exchange) {
		return exchange.getAttribute(MISSING);
	}

}
