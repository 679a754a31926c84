package io.orderflow.order.application;

import java.util.Objects;

/**
 * A client's key for one placement.
 *
 * @param clientId whose key it is, the authenticated API client: keys of different
 * clients never meet, so one client can neither collide with another's key nor get the
 * response stored under it
 * @param key 1 to 255 characters, not all blank
 */
public record IdempotencyKey(String clientId, String key) {

	public static final int MAX_LENGTH = 255;

	public IdempotencyKey {
		Objects.requireNonNull(clientId, "clientId");
		if (clientId.isBlank()) {
			throw new IllegalArgumentException("An idempotency key belongs to a client");
		}
		if (!isValid(key)) {
			throw new IllegalArgumentException("An idempotency key has 1 to " + MAX_LENGTH + " characters");
		}
	}

	public static boolean isValid(String key) {
		return key != null && !key.isBlank() && key.length() <= MAX_LENGTH;
	}

}
