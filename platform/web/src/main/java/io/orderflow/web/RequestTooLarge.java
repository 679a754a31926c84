package io.orderflow.web;

import java.io.IOException;

/** Thrown while reading a body that turns out larger than the limit. */
class RequestTooLarge extends IOException {

	RequestTooLarge(long limit) {
		super("Request body larger than " + limit + " bytes");
	}

}
