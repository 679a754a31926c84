package io.orderflow.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every exception that leaves a controller with a problem body of the shape
 * {@link Problems} makes. Spring MVC's own exceptions keep their status and get a
 * {@code code}; invalid input lists every invalid field; anything unexpected is a 500
 * that says nothing about the cause (logged with the request id instead).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
		ProblemDetail body = Problems.of(problem.status(), problem.code(), problem.getMessage(), request);
		problem.properties().forEach(body::setProperty);
		return ResponseEntity.status(problem.status()).body(body);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException exception,
			HttpServletRequest request) {
		List<FieldError> errors = exception.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		return invalid(errors, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception exception, HttpServletRequest request) {
		logger.error("Unexpected failure of " + request.getMethod() + " " + request.getRequestURI() + " (request "
				+ RequestIds.of(request) + ")", exception);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
					"An unexpected error occurred; quote the requestId when reporting it.", request));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(invalid(fieldErrors(exception.getBindingResult()), servletRequest(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		exception.getParameterValidationResults().forEach((result) -> {
			String parameter = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = (error instanceof org.springframework.validation.FieldError fieldError)
						? fieldError.getField() : parameter;
				errors.add(new FieldError(field, error.getDefaultMessage()));
			}
		});
		return asObject(invalid(errors, servletRequest(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		if (causedBy(exception, RequestTooLarge.class)) {
			return asObject(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
						"The request body is larger than this service accepts.", servletRequest)));
		}
		if (exception.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			return asObject(
					invalid(List.of(new FieldError(path(mismatch), "has the wrong type or shape")), servletRequest));
		}
		String detail = "The request body is not readable JSON.";
		if (exception.getCause() instanceof StreamReadException parse && parse.getLocation() != null) {
			detail = "The request body is not valid JSON (line " + parse.getLocation().getLineNr() + ", column "
					+ parse.getLocation().getColumnNr() + ").";
		}
		return asObject(ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", detail, servletRequest)));
	}

	/** Gives Spring MVC's own problems (status and detail already set) their code. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(exception, body, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			Problems.complete(problem, code(exception, status), servletRequest(request));
		}
		return response;
	}

	private static String code(Exception exception, HttpStatusCode status) {
		return switch (exception) {
			case MissingRequestHeaderException missing -> "MISSING_HEADER";
			case MissingServletRequestParameterException missing -> "MISSING_PARAMETER";
			case TypeMismatchException mismatch -> "INVALID_PARAMETER";
			case NoResourceFoundException notFound -> "NOT_FOUND";
			case HttpRequestMethodNotSupportedException method -> "METHOD_NOT_ALLOWED";
			case HttpMediaTypeNotSupportedException mediaType -> "UNSUPPORTED_MEDIA_TYPE";
			case HttpMediaTypeNotAcceptableException mediaType -> "NOT_ACCEPTABLE";
			case MaxUploadSizeExceededException tooLarge -> "PAYLOAD_TOO_LARGE";
			default -> StatusCodes.of(status.value());
		};
	}

	private static ResponseEntity<ProblemDetail> invalid(List<FieldError> errors, HttpServletRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
				"The request has " + errors.size() + " invalid " + ((errors.size() == 1) ? "field." : "fields."),
				request);
		return ResponseEntity.badRequest().body(Problems.withErrors(problem, errors));
	}

	private static List<FieldError> fieldErrors(BindingResult result) {
		List<FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		result.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return errors;
	}

	private static String path(JacksonException exception) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : exception.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
		return (ResponseEntity) response;
	}

}
