package io.orderflow.messaging.failure;

/**
 * Thrown by a handler for a message it can never process (it violates a rule, refers to
 * something that cannot exist): the message goes to the dead-letter topic at once and the
 * partition moves on.
 */
public class PermanentMessageFailure extends RuntimeException {

	public PermanentMessageFailure(String message) {
		super(message);
	}

	public PermanentMessageFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
