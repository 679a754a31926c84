package io.orderflow.messaging.envelope;

/**
 * A payload that does not read as the record its message type names: a permanent failure.
 */
public class InvalidPayloadException extends RuntimeException {

	public InvalidPayloadException(String message, Throwable cause) {
		super(message, cause);
	}

}
