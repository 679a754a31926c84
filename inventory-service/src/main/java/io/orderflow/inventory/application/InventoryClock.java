package io.orderflow.inventory.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time of a change as PostgreSQL stores it (microseconds), so that what is published
 * and what is read back later are the same instant.
 */
final class InventoryClock {

	private InventoryClock() {
	}

	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
