package io.orderflow.search;

import io.orderflow.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An unreachable engine is the client's 503 with {@code Retry-After}, not a 500: the
 * request was fine and will succeed later. Checked before the shared problem handling,
 * which would call it unexpected.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchProblems {

	private static final Logger logger = LoggerFactory.getLogger(SearchProblems.class);

	private final long retryAfterSeconds;

	SearchProblems(SearchProperties properties) {
		this.retryAfterSeconds = Math.max(1, properties.retryAfter().toSeconds());
	}

	@ExceptionHandler(SearchUnavailable.class)
	ResponseEntity<ProblemDetail> unavailable(SearchUnavailable unavailable, HttpServletRequest request) {
		logger.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), unavailable.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.retryAfterSeconds))
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "SEARCH_UNAVAILABLE",
					"Search is unavailable right now; retry later.", request));
	}

}
