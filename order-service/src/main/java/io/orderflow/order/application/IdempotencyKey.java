package io.orderflow.order.application;

import java.util.Objects;

/**
 * A client's key for one placement.
 *
 * @param clientId whose key it is: keys of different clients never meet ({@code ""} until
 * requests are authenticated)
 * @param key 1 to 255 characters, not all blank
 */
public record IdempotencyKey(String clientId, String key) {

	public static final int MAX_LENGTH = 255;

	/** The client id of every key until requests carry an authenticated client. */
	public static final String ANONYMOUS = "";

	public IdempotencyKey {
		Objects.requireNonNull(clientId, "clientId");
		if (!isValid(key)) {
			throw new IllegalArgumentException("An idempotency key has 1 to " + MAX_LENGTH + " characters");
		}
	}

	public static boolean isValid(String key) {
		return key != null && !key.isBlank() && key.length() <= MAX_LENGTH;
	}

}
