package io.orderflow.gateway.problem;

import java.net.URI;
import java.util.Locale;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.orderflow.gateway.edge.RequestIds;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds problem bodies with the members the services use ({@code platform/web}'s
 * {@code Problems}, which is servlet-bound): RFC 9457's plus {@code code},
 * {@code requestId} and {@code traceId}.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:orderflow:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail, ServerWebExchange exchange) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setInstance(URI.create(RequestIds.pathOf(exchange)));
		problem.setProperty("code", code);
		problem.setProperty("requestId", RequestIds.of(exchange));
		problem.setProperty("traceId", currentTraceId());
		return problem;
	}

	/** A problem whose code says no more than its status. */
	public static ProblemDetail of(HttpStatusCode status, String detail, ServerWebExchange exchange) {
		return of(status, codeOf(status.value()), detail, exchange);
	}

	static String codeOf(int status) {
		return switch (status) {
			case 400 -> "BAD_REQUEST";
			case 401 -> "UNAUTHORIZED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 429 -> "RATE_LIMITED";
			case 502 -> "BAD_GATEWAY";
			case 503 -> "SERVICE_UNAVAILABLE";
			case 504 -> "GATEWAY_TIMEOUT";
			default -> (status >= 500) ? "INTERNAL_ERROR" : "HTTP_" + status;
		};
	}

	/** The trace the OpenTelemetry agent made current for this request, if any. */
	static String currentTraceId() {
		SpanContext context = Span.current().getSpanContext();
		return context.isValid() ? context.getTraceId() : null;
	}

}
