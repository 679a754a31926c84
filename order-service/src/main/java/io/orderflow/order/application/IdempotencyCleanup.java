package io.orderflow.order.application;

import java.time.Clock;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets idempotency keys older than {@code orderflow.order.idempotency.retention}: a
 * retry comes within minutes, and a key kept forever would refuse the client's reuse of
 * it for good.
 */
@Component
class IdempotencyCleanup {

	private static final Log logger = LogFactory.getLog(IdempotencyCleanup.class);

	private final IdempotencyStore idempotency;

	private final Clock clock;

	private final Duration retention;

	IdempotencyCleanup(IdempotencyStore idempotency, Clock clock, OrderProperties properties) {
		this.idempotency = idempotency;
		this.clock = clock;
		this.retention = properties.idempotency().retention();
	}

	@Transactional
	public void removeExpired() {
		int removed = this.idempotency.deleteClaimedBefore(this.clock.instant().minus(this.retention));
		if (removed > 0) {
			logger.info("Removed " + removed + " expired idempotency keys");
		}
	}

}
