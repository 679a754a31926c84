package io.orderflow.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whether the rate limiter asks Redis or counts in memory. One failed call is not an
 * outage: under a CPU spike a single script call can miss its timeout while Redis is
 * fine, and switching at once made the limiter flap between Redis and memory, logging
 * each switch. So it switches to memory only after {@value #FAILURES_TO_SWITCH}
 * consecutive failures (a call that fails before that is still counted, in memory), and
 * back at the first answer. While in memory, one call per retry interval asks Redis.
 */
final class RedisAvailability {

	static final int FAILURES_TO_SWITCH = 3;

	private final long retryIntervalNanos;

	private final LongSupplier nanoTime;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private final AtomicBoolean inMemory = new AtomicBoolean();

	private final AtomicLong nextRedisAttempt = new AtomicLong();

	RedisAvailability(Duration retryInterval, LongSupplier nanoTime) {
		this.retryIntervalNanos = retryInterval.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Whether this call asks Redis: always while Redis answers; while counting in memory,
	 * one call per retry interval, and the others do not wait for it.
	 */
	boolean askRedis() {
		if (!this.inMemory.get()) {
			return true;
		}
		long due = this.nextRedisAttempt.get();
		long now = this.nanoTime.getAsLong();
		return now - due >= 0 && this.nextRedisAttempt.compareAndSet(due, now + this.retryIntervalNanos);
	}

	/** Records a failed call; true when it is the one that switches to memory. */
	boolean failed() {
		this.nextRedisAttempt.set(this.nanoTime.getAsLong() + this.retryIntervalNanos);
		return this.consecutiveFailures.incrementAndGet() >= FAILURES_TO_SWITCH
				&& this.inMemory.compareAndSet(false, true);
	}

	/** Records an answer; true when it is the one that switches back to Redis. */
	boolean answered() {
		this.consecutiveFailures.set(0);
		return this.inMemory.compareAndSet(true, false);
	}

	boolean countingInMemory() {
		return this.inMemory.get();
	}

}
