package io.orderflow.messaging.envelope;

/**
 * A consumed record lacks the envelope every message must carry (message id and type): a
 * permanent failure, retrying cannot fix it.
 */
public class InvalidEnvelopeException extends RuntimeException {

	public InvalidEnvelopeException(String message) {
		super(message);
	}

}
