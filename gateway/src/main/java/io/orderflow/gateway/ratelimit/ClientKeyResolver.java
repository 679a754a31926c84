package io.orderflow.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * A client is the subject of its token (the OAuth2 client id); without one (the token
 * endpoint) it is the address the request came from. The connection's address, not
 * {@code X-Forwarded-For}, which any caller can write.
 */
final class ClientKeyResolver implements KeyResolver {

	@Override
	public Mono<String> resolve(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.map(Principal::getName)
			.map((subject) -> "client:" + subject)
			.switchIfEmpty(Mono.fromSupplier(() -> "address:" + address(exchange)));
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
