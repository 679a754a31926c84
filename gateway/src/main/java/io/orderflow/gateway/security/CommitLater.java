package io.orderflow.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * An exchange whose response Spring Security's bearer-token handlers can give a status
 * and a {@code WWW-Authenticate} header (RFC 6750, their logic kept) without completing
 * it, so a problem body can follow.
 */
final class CommitLater {

	private CommitLater() {
	}

	static ServerWebExchange of(ServerWebExchange exchange) {
		ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

			@Override
			public Mono<Void> setComplete() {
				return Mono.empty();
			}

		};
		return exchange.mutate().response(response).build();
	}

}
