package io.orderflow.gateway.problem;

import io.orderflow.gateway.edge.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where the circuit breakers forward a request their service failed: 503 when the service
 * is unreachable or its breaker is open (with Retry-After), 504 when it was too slow. A
 * downstream answer, even a 5xx, never comes here: it is the service's own.
 */
@RestController
class FallbackController {

	private static final Logger logger = LoggerFactory.getLogger(FallbackController.class);

	private final RetryAfter retryAfter;

	FallbackController(RetryAfter retryAfter) {
		this.retryAfter = retryAfter;
	}

	@RequestMapping("/fallback/{service}")
	ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
		Throwable error = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (error == null) {
			// Only a breaker's forward may get here, not a client asking for the path.
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Failure failure = Failure.of(error, service);
		try (MDC.MDCCloseable requestId = MDC.putCloseable(RequestIds.MDC_KEY, RequestIds.of(exchange))) {
			if (failure.unexpected()) {
				logger.error("{} {} failed", exchange.getRequest().getMethod(), RequestIds.pathOf(exchange), error);
			}
			else {
				logger.warn("{} {}: {} ({})", exchange.getRequest().getMethod(), RequestIds.pathOf(exchange),
						failure.detail(), error.toString());
			}
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(failure.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (failure.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.header(HttpHeaders.RETRY_AFTER, this.retryAfter.seconds(service));
		}
		return response.body(Problems.of(failure.status(), failure.code(), failure.detail(), exchange));
	}

}
