package io.orderflow.order.application;

import java.time.Instant;
import java.util.Optional;

import io.orderflow.order.domain.OrderId;

/** The idempotency keys of placements and the responses given under them. */
public interface IdempotencyStore {

	/**
	 * Claims {@code key} for the request with {@code fingerprint} in the current
	 * transaction. When another transaction claimed it and has not ended, waits for it.
	 * @return whether the key was free; false when a committed placement holds it
	 */
	boolean claim(IdempotencyKey key, String fingerprint, Instant at);

	/** The placement that holds {@code key}. */
	Optional<StoredPlacement> find(IdempotencyKey key);

	/** Stores the response to the claimed {@code key}. */
	void complete(IdempotencyKey key, OrderId orderId, StoredResponse response);

	/** Forgets keys claimed before {@code cutoff}; returns how many. */
	int deleteClaimedBefore(Instant cutoff);

	/** A placement made under a key: the request's fingerprint and the response. */
	record StoredPlacement(String fingerprint, StoredResponse response) {
	}

}
