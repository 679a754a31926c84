package io.orderflow.gateway.problem;

import io.orderflow.gateway.edge.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders every error that reaches the top of the gateway as a problem detail, in place
 * of Spring Boot's error page or JSON (a bean of this type switches Boot's off): no route
 * (404), a method not served (405), an oversized body (413), a rate limit (429), an
 * unreachable service on a route without a breaker (503), a timeout (504), and anything
 * unforeseen (500, with the stack trace only in the log).
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final ProblemResponses responses;

	private final RetryAfter retryAfter;

	GatewayErrorHandler(ProblemResponses responses, RetryAfter retryAfter) {
		this.responses = responses;
		this.retryAfter = retryAfter;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			// The service's answer is half sent; nothing can be said any more.
			return Mono.error(error);
		}
		String service = Targets.of(exchange);
		Failure failure = Failure.of(error, service);
		log(exchange, failure, error);
		HttpHeaders headers = exchange.getResponse().getHeaders();
		if (error instanceof ResponseStatusException refused) {
			// Allow on a 405, for one.
			headers.addAll(refused.getHeaders());
		}
		if (failure.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			headers.set(HttpHeaders.RETRY_AFTER, this.retryAfter.seconds(service));
		}
		return this.responses.write(exchange,
				Problems.of(failure.status(), failure.code(), failure.detail(), exchange));
	}

	private static void log(ServerWebExchange exchange, Failure failure, Throwable error) {
		// Outside the request's Reactor context: the request id goes into the log context
		// here.
		try (MDC.MDCCloseable requestId = MDC.putCloseable(RequestIds.MDC_KEY, RequestIds.of(exchange))) {
			if (failure.unexpected()) {
				logger.error("{} {} failed", exchange.getRequest().getMethod(), RequestIds.pathOf(exchange), error);
			}
			else if (failure.status().is5xxServerError()) {
				logger.warn("{} {}: {} ({})", exchange.getRequest().getMethod(), RequestIds.pathOf(exchange),
						failure.detail(), error.toString());
			}
		}
	}

}
