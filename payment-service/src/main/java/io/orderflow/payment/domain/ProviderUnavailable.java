package io.orderflow.payment.domain;

/**
 * The provider could not be asked, or its answer is unknown: unreachable, timed out,
 * circuit open, no capacity left, or (for refunds) failing. Nothing may be concluded
 * about the money; the same request must be tried again later, with the same idempotency
 * key.
 */
public class ProviderUnavailable extends RuntimeException {

	public ProviderUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
