package io.orderflow.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds every problem body the same way, so an error made by a controller, a filter or
 * the servlet container reads alike: RFC 9457 members plus {@code code},
 * {@code requestId}, {@code traceId} and, for invalid input, {@code errors}.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:orderflow:problem:";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		complete(problem, code, request);
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * Fills in what a problem made elsewhere (Spring MVC's own exceptions) lacks.
	 */
	static void complete(ProblemDetail problem, String code, HttpServletRequest request) {
		problem.setType(type(code));
		if (problem.getInstance() == null && request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		problem.setProperty("code", code);
		problem.setProperty("requestId", (request != null) ? RequestIds.of(request) : null);
		problem.setProperty("traceId", currentTraceId());
	}

	/**
	 * A URN rather than a URL: the type identifies the problem and promises no page to
	 * read.
	 */
	static URI type(String code) {
		return URI.create(TYPE_PREFIX + code.toLowerCase(Locale.ROOT).replace('_', '-'));
	}

	static String currentTraceId() {
		SpanContext context = Span.current().getSpanContext();
		return context.isValid() ? context.getTraceId() : null;
	}

}
