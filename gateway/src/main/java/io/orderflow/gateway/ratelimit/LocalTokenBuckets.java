package io.orderflow.gateway.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The token buckets of one gateway instance, for while Redis is down: the same algorithm
 * as Spring Cloud Gateway's Redis script (refill at a rate up to a capacity, take the
 * tokens a request costs or refuse it), kept in memory. Small on purpose: a library would
 * bring a second notion of configuration for a stopgap that lasts as long as a Redis
 * outage. With n instances a client may get up to n times its limit meanwhile.
 */
final class LocalTokenBuckets {

	/** Beyond this many clients, buckets that have refilled completely are forgotten. */
	private static final int MAX_BUCKETS = 10_000;

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	LocalTokenBuckets(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	BucketState take(String key, int replenishRate, long capacity, int requested) {
		if (this.buckets.size() > MAX_BUCKETS) {
			long now = this.nanoTime.getAsLong();
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now, replenishRate, capacity));
		}
		Bucket bucket = this.buckets.computeIfAbsent(key, (absent) -> new Bucket(capacity, this.nanoTime.getAsLong()));
		return bucket.take(this.nanoTime.getAsLong(), replenishRate, capacity, requested);
	}

	/** Forgets every bucket: Redis answers again and counts from its own state. */
	void clear() {
		this.buckets.clear();
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(long capacity, long now) {
			this.tokens = capacity;
			this.refilledAt = now;
		}

		synchronized BucketState take(long now, int replenishRate, long capacity, int requested) {
			refill(now, replenishRate, capacity);
			boolean allowed = this.tokens >= requested;
			if (allowed) {
				this.tokens -= requested;
			}
			return new BucketState(allowed, (long) Math.floor(this.tokens));
		}

		synchronized boolean isFull(long now, int replenishRate, long capacity) {
			refill(now, replenishRate, capacity);
			return this.tokens >= capacity;
		}

		private void refill(long now, int replenishRate, long capacity) {
			double elapsedSeconds = Math.max(0, now - this.refilledAt) / NANOS_PER_SECOND;
			this.tokens = Math.min(capacity, this.tokens + elapsedSeconds * replenishRate);
			this.refilledAt = now;
		}

	}

}
