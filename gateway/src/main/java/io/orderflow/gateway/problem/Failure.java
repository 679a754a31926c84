package io.orderflow.gateway.problem;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the gateway tells a client about a request it could not complete, by what went
 * wrong: the downstream service unreachable, failing or slow, or the request itself
 * refused. Details name the service but never the cause's internals.
 *
 * @param status the response status
 * @param code the problem code
 * @param detail the sentence for the client
 * @param unexpected whether this is the gateway's own fault, worth a stack trace in the
 * log
 */
public record Failure(HttpStatusCode status, String code, String detail, boolean unexpected) {

	private static final String TOO_SLOW = " did not answer in time.";

	private static final String UNAVAILABLE = " is unavailable.";

	/**
	 * @param failure what was raised
	 * @param service the service the request was meant for, for the detail
	 */
	public static Failure of(Throwable failure, String service) {
		if (failure instanceof CallNotPermittedException) {
			return expected(HttpStatus.SERVICE_UNAVAILABLE,
					service + " is failing; the gateway is not calling it for a few seconds.");
		}
		if (failure instanceof BulkheadFullException) {
			return expected(HttpStatus.SERVICE_UNAVAILABLE,
					service + " has too many requests in flight through this gateway; try again shortly.");
		}
		if (isTimeout(failure)) {
			return expected(HttpStatus.GATEWAY_TIMEOUT, service + TOO_SLOW);
		}
		if (failure instanceof HttpStatusCodeException refused) {
			// How Spring Cloud Gateway's RequestRateLimiter raises a 429.
			return expected(refused.getStatusCode(), clientDetail(refused.getStatusCode(), null));
		}
		if (failure instanceof ResponseStatusException answered) {
			HttpStatusCode status = answered.getStatusCode();
			if (status.is4xxClientError()) {
				return expected(status, clientDetail(status, answered.getReason()));
			}
			if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
				// Also Spring Cloud LoadBalancer's "no instance of the service".
				return expected(status, service + UNAVAILABLE);
			}
		}
		if (failure instanceof IOException || failure.getCause() instanceof IOException) {
			// Refused, reset or closed connections: the service or its instance is gone.
			return expected(HttpStatus.SERVICE_UNAVAILABLE, service + UNAVAILABLE);
		}
		return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, Problems.codeOf(500),
				"The gateway failed to handle the request.", true);
	}

	private static Failure expected(HttpStatusCode status, String detail) {
		return new Failure(status, Problems.codeOf(status.value()), detail, false);
	}

	private static boolean isTimeout(Throwable failure) {
		return failure instanceof TimeoutException
				|| failure instanceof org.springframework.cloud.gateway.support.TimeoutException
				|| failure instanceof io.netty.handler.timeout.TimeoutException
				|| (failure instanceof ResponseStatusException answered
						&& answered.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value());
	}

	private static String clientDetail(HttpStatusCode status, String reason) {
		return switch (status.value()) {
			case 404 -> "Nothing is routed at this path.";
			case 405 -> "This method is not allowed here.";
			case 429 -> "This client's rate limit is used up: see Retry-After.";
			default -> (reason != null) ? reason : "The request was refused.";
		};
	}

}
