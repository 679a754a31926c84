package io.orderflow.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request body over the gateway's limit: 413. */
public class RequestTooLarge extends ResponseStatusException {

	public RequestTooLarge(long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
	}

}
