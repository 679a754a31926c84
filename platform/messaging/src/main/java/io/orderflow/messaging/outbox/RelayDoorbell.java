package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How writers wake the relay of their own JVM right after a commit, and how they learn
 * whether that relay is the leader (then no {@code pg_notify} is needed). Shared by the
 * {@link Outbox} and the {@link OutboxRelay} of one application context.
 */
public final class RelayDoorbell {

	private final Semaphore rings = new Semaphore(0);

	private volatile boolean leaderHere;

	void ring() {
		// One pending ring is enough: the relay reads everything unpublished when it
		// wakes.
		if (this.rings.availablePermits() == 0) {
			this.rings.release();
		}
	}

	/** Waits for a ring or the timeout; true when rung. */
	boolean await(Duration timeout) throws InterruptedException {
		boolean rung = this.rings.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
		this.rings.drainPermits();
		return rung;
	}

	boolean isLeaderHere() {
		return this.leaderHere;
	}

	void leaderHere(boolean leaderHere) {
		this.leaderHere = leaderHere;
	}

}
