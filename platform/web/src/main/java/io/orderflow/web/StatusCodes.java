package io.orderflow.web;

/**
 * The {@code code} of a problem that has nothing more specific than its status: the same
 * words the gateway uses for the same statuses, so a client reads one vocabulary whoever
 * answered.
 */
final class StatusCodes {

	private StatusCodes() {
	}

	static String of(int status) {
		return switch (status) {
			case 400 -> "BAD_REQUEST";
			case 401 -> "UNAUTHORIZED";
			case 403 -> "FORBIDDEN";
			case 404 -> "NOT_FOUND";
			case 405 -> "METHOD_NOT_ALLOWED";
			case 406 -> "NOT_ACCEPTABLE";
			case 409 -> "CONFLICT";
			case 413 -> "PAYLOAD_TOO_LARGE";
			case 415 -> "UNSUPPORTED_MEDIA_TYPE";
			case 422 -> "UNPROCESSABLE";
			case 429 -> "RATE_LIMITED";
			case 502 -> "BAD_GATEWAY";
			case 503 -> "SERVICE_UNAVAILABLE";
			case 504 -> "GATEWAY_TIMEOUT";
			default -> (status >= 500) ? "INTERNAL_ERROR" : "HTTP_" + status;
		};
	}

}
