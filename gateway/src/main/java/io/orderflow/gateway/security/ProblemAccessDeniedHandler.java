package io.orderflow.gateway.security;

import io.orderflow.gateway.problem.ProblemResponses;
import io.orderflow.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * 403 when a valid token lacks the scope: {@code WWW-Authenticate: Bearer
 * error="insufficient_scope"} and a problem body naming the scope needed.
 */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final ServerAccessDeniedHandler bearer = new BearerTokenServerAccessDeniedHandler();

	private final ProblemResponses responses;

	ProblemAccessDeniedHandler(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.bearer.handle(CommitLater.of(exchange), denied)
			.then(Mono.defer(() -> this.responses.write(exchange,
					Problems.of(HttpStatus.FORBIDDEN, detail(Scopes.missing(exchange)), exchange))));
	}

	private static String detail(String missingScope) {
		return (missingScope != null) ? "This request needs the scope '" + missingScope + "'."
				: "The token does not allow this request.";
	}

}
