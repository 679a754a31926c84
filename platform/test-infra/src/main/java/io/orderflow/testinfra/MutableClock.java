package io.orderflow.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move forward: the system clock plus an offset, or a fixed instant.
 * Deadlines, backoffs and leases run out when a test says so instead of after a real
 * wait. A service under test takes it as its {@code Clock} bean.
 */
public final class MutableClock extends Clock {

	private volatile Instant fixed;

	private volatile Duration offset = Duration.ZERO;

	private MutableClock(Instant fixed) {
		this.fixed = fixed;
	}

	/** Stands still at {@code instant} until moved. */
	public static MutableClock at(Instant instant) {
		return new MutableClock(instant);
	}

	/** Runs with the system clock, ahead by whatever the test advanced it. */
	public static MutableClock running() {
		return new MutableClock(null);
	}

	public synchronized void advance(Duration duration) {
		if (this.fixed != null) {
			this.fixed = this.fixed.plus(duration);
		}
		else {
			this.offset = this.offset.plus(duration);
		}
	}

	/** Moves to {@code instant}, which must not be in this clock's past. */
	public synchronized void moveTo(Instant instant) {
		Instant now = instant();
		if (instant.isBefore(now)) {
			throw new IllegalArgumentException(instant + " is before " + now + ": time only moves forward");
		}
		advance(Duration.between(now, instant));
	}

	@Override
	public Instant instant() {
		Instant fixed = this.fixed;
		return (fixed != null) ? fixed : Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A test clock runs in UTC");
	}

}
