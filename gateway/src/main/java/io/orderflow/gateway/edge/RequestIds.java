package io.orderflow.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-ID}: the caller's when it is a sensible token,
 * a new UUID otherwise. It is forwarded to the service, echoed on every response
 * (including the gateway's own errors), put in every problem body and in the log context
 * ({@code requestId}) of the gateway's log lines about the request: they are written
 * where the exchange is at hand (the error handler, the breakers' fallback), which put it
 * there.
 * <p>
 * Not through the Reactor context with automatic context propagation
 * ({@code spring.reactor.context-propagation=auto}): restoring thread locals around every
 * operator of every request cost the gateway twice the CPU per request (measured with the
 * gateway benchmark's request), for log lines a healthy request does not write.
 */
public final class RequestIds implements WebFilter, Ordered {

	public static final String HEADER = "X-Request-ID";

	/** The log context key; the services use the same. */
	public static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIds.class.getName();

	private static final String PATH_ATTRIBUTE = RequestIds.class.getName() + ".path";

	/**
	 * What the services accept too; anything else (too long, control characters) could
	 * forge log lines or headers.
	 */
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = (offered != null && ACCEPTABLE.matcher(offered).matches()) ? offered
				: UUID.randomUUID().toString();
		exchange.getAttributes().put(ATTRIBUTE, requestId);
		// A circuit breaker's fallback is a forward to another path: problems name this
		// one.
		exchange.getAttributes().put(PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
		ServerWebExchange forwarded = exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.set(HEADER, requestId)))
			.build();
		// Set at the last moment: the service echoes the id too, and one header is
		// enough.
		forwarded.getResponse().beforeCommit(() -> {
			forwarded.getResponse().getHeaders().set(HEADER, requestId);
			return Mono.empty();
		});
		return chain.filter(forwarded);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/** The request id of the exchange, also after a forward to a fallback. */
	public static String of(ServerWebExchange exchange) {
		String requestId = exchange.getAttribute(ATTRIBUTE);
		return (requestId != null) ? requestId : exchange.getRequest().getHeaders().getFirst(HEADER);
	}

	/** The path the client asked for, also after a forward to a fallback. */
	public static String pathOf(ServerWebExchange exchange) {
		String path = exchange.getAttribute(PATH_ATTRIBUTE);
		return (path != null) ? path : exchange.getRequest().getPath().value();
	}

}
