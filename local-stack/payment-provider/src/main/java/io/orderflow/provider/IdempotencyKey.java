package io.orderflow.provider;

/** The {@code Idempotency-Key} header every charge and refund must carry. */
final class IdempotencyKey {

	static final String HEADER = "Idempotency-Key";

	/** Stripe's limit. */
	private static final int MAX_LENGTH = 255;

	private IdempotencyKey() {
	}

	/**
	 * The key, required here although Stripe makes it optional: a client that forgets it
	 * could charge twice on a retry, and the simulator exists to catch that.
	 */
	static String require(String header) {
		if (header == null || header.isBlank()) {
			throw ProviderException.invalidRequest("parameter_missing", HEADER,
					"An " + HEADER + " header is required for this request.");
		}
		if (header.length() > MAX_LENGTH) {
			throw ProviderException.invalidRequest("parameter_invalid", HEADER,
					HEADER + " must be at most " + MAX_LENGTH + " characters long.");
		}
		return header;
	}

}
