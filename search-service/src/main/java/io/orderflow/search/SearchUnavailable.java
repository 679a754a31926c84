package io.orderflow.search;

/**
 * The search engine cannot be reached or is overloaded (refused connections, timeouts,
 * 5xx, 429): the API answers 503, and the listeners retry in place until it is back.
 */
class SearchUnavailable extends RuntimeException {

	SearchUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
