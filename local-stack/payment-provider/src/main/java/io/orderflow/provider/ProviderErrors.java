package io.orderflow.provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error in the provider's own shape ({@link ProviderError}), including those Spring
 * MVC raises itself (malformed JSON, unknown path, wrong method), which would otherwise
 * be problem+json.
 */
@RestControllerAdvice
class ProviderErrors extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProviderErrors.class);

	@ExceptionHandler
	ResponseEntity<ProviderError.Body> on(ProviderException ex) {
		return ResponseEntity.status(ex.status()).body(new ProviderError.Body(ex.error()));
	}

	@ExceptionHandler
	ResponseEntity<ProviderError.Body> on(Exception ex) {
		logger.error("Unexpected failure", ex);
		return ResponseEntity.internalServerError()
			.body(new ProviderError.Body(new ProviderError(ProviderError.API_ERROR, null, null,
					"An unexpected error occurred at the provider.", null, null)));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldError field = ex.getBindingResult().getFieldError();
		ProviderError error = (field != null)
				? ProviderError.invalidRequest(
						(field.getRejectedValue() != null) ? "parameter_invalid" : "parameter_missing",
						field.getField(), "Invalid " + field.getField() + ": " + field.getDefaultMessage())
				: ProviderError.invalidRequest("parameter_invalid", null, "Invalid request body.");
		return ResponseEntity.status(status).headers(headers).body(new ProviderError.Body(error));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String message = (ex instanceof HttpMessageNotReadableException) ? "The request body is not valid JSON."
				: (body instanceof ProblemDetail problem && problem.getDetail() != null) ? problem.getDetail()
						: ex.getMessage();
		String type = statusCode.is5xxServerError() ? ProviderError.API_ERROR : ProviderError.INVALID_REQUEST_ERROR;
		return ResponseEntity.status(statusCode)
			.headers(headers)
			.body(new ProviderError.Body(new ProviderError(type, null, null, message, null, null)));
	}

}
