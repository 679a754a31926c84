package io.orderflow.messaging.outbox;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message ids as UUID version 7 (RFC 9562): time-ordered, so consumers' inbox primary
 * keys grow at the end of the index instead of splitting pages all over it.
 */
final class MessageIds {

	private MessageIds() {
	}

	static UUID next(Clock clock) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long mostSignificant = (clock.millis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(mostSignificant, leastSignificant);
	}

}
