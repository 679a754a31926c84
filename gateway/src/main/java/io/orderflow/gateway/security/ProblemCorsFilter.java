package io.orderflow.gateway.security;

import io.orderflow.gateway.problem.ProblemResponses;
import io.orderflow.gateway.problem.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Spring's {@code CorsWebFilter} with one difference: a refused cross-origin request gets
 * a problem body like every other error of the gateway, not an empty 403. Spring's filter
 * completes the refused response itself, and its processor cannot write a body, so the
 * few lines of the filter are repeated here around the same {@link DefaultCorsProcessor}.
 */
final class ProblemCorsFilter implements WebFilter {

	private final CorsConfigurationSource source;

	private final CorsProcessor processor = new DefaultCorsProcessor();

	private final ProblemResponses responses;

	ProblemCorsFilter(CorsConfigurationSource source, ProblemResponses responses) {
		this.source = source;
		this.responses = responses;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		CorsConfiguration config = this.source.getCorsConfiguration(exchange);
		if (config == null) {
			return chain.filter(exchange);
		}
		if (!this.processor.process(config, exchange)) {
			return this.responses.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "CORS_REJECTED",
					"This origin, method or header is not allowed to call the API from a browser.", exchange));
		}
		if (CorsUtils.isPreFlightRequest(request)) {
			return Mono.empty();
		}
		return chain.filter(exchange);
	}

}
