package io.orderflow.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, thrown anywhere below a controller and answered as
 * {@code application/problem+json} with the given status, machine-readable {@code code}
 * and human-readable {@code detail}.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public ApiProblem(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	public static ApiProblem badRequest(String code, String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
	}

	public static ApiProblem notFound(String code, String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
	}

	public static ApiProblem conflict(String code, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, code, detail);
	}

	public static ApiProblem unprocessable(String code, String detail) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
	}

	/**
	 * Adds a property to the problem body, beside the standard members.
	 * @return this problem
	 */
	public ApiProblem with(String property, Object value) {
		this.properties.put(property, value);
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Map<String, Object> properties() {
		return Map.copyOf(this.properties);
	}

}
