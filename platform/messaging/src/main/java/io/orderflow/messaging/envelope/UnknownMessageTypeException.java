package io.orderflow.messaging.envelope;

/**
 * A message type name, or a class, that the {@link MessageTypes} registry does not know:
 * a permanent failure for a consumer (the record goes to the dead-letter topic), a
 * programming error for a producer.
 */
public class UnknownMessageTypeException extends RuntimeException {

	public UnknownMessageTypeException(String message) {
		super(message);
	}

}
