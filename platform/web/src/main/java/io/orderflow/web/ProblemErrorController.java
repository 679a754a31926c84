package io.orderflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders errors that never reached a controller (raised by a filter or the servlet
 * container) as problem details instead of Boot's whitelabel page or error JSON. A 4xx
 * keeps the message it was sent with; a 5xx never says why.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatusCode status = status(request);
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		String detail = (status.is4xxClientError() && message instanceof String text && !text.isBlank()) ? text
				: HttpStatus.valueOf(status.value()).getReasonPhrase();
		ProblemDetail problem = Problems.of(status, StatusCodes.of(status.value()), detail, request);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path));
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return (code instanceof Integer value && HttpStatus.resolve(value) != null) ? HttpStatusCode.valueOf(value)
				: HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
