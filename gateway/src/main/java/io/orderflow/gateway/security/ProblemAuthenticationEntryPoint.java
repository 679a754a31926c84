package io.orderflow.gateway.security;

import io.orderflow.gateway.problem.ProblemResponses;
import io.orderflow.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * 401 (or 400 for a malformed header) when the token is missing, invalid or expired:
 * {@code WWW-Authenticate} as RFC 6750 has it, and a problem body.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final ServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();

	private final ProblemResponses responses;

	ProblemAuthenticationEntryPoint(ProblemResponses responses) {
		this.responses = responses;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
		return this.bearer.commence(CommitLater.of(exchange), failure).then(Mono.defer(() -> {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			HttpStatusCode refused = (status != null) ? status : HttpStatus.UNAUTHORIZED;
			return this.responses.write(exchange, Problems.of(refused, detail(failure), exchange));
		}));
	}

	private static String detail(AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException rejected
				&& StringUtils.hasText(rejected.getError().getDescription())) {
			return "The bearer token was rejected: " + rejected.getError().getDescription();
		}
		return "This request needs a bearer token; POST /oauth2/token gives one.";
	}

}
