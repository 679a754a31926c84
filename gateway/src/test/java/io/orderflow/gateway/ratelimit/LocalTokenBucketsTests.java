package io.orderflow.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTokenBucketsTests {

	private final AtomicLong now = new AtomicLong();

	private final LocalTokenBuckets buckets = new LocalTokenBuckets(this.now::get);

	@Test
	void startsFullAndTakesWhatEachRequestCosts() {
		assertThat(this.buckets.take("client:a", 1, 10, 4)).isEqualTo(new BucketState(true, 6));
		assertThat(this.buckets.take("client:a", 1, 10, 4)).isEqualTo(new BucketState(true, 2));
	}

	@Test
	void refusesARequestDearerThanWhatIsLeftAndTakesNothing() {
		this.buckets.take("client:a", 1, 10, 8);

		assertThat(this.buckets.take("client:a", 1, 10, 4)).isEqualTo(new BucketState(false, 2));
		assertThat(this.buckets.take("client:a", 1, 10, 2)).isEqualTo(new BucketState(true, 0));
	}

	@Test
	void refillsAtTheRateUpToTheCapacity() {
		this.buckets.take("client:a", 2, 10, 10);

		elapse(Duration.ofMillis(1500));
		assertThat(this.buckets.take("client:a", 2, 10, 0).tokensLeft()).isEqualTo(3);

		elapse(Duration.ofMinutes(1));
		assertThat(this.buckets.take("client:a", 2, 10, 0).tokensLeft()).isEqualTo(10);
	}

	@Test
	void keepsOneBucketPerClient() {
		this.buckets.take("client:a", 1, 10, 10);

		assertThat(this.buckets.take("client:b", 1, 10, 10).allowed()).isTrue();
		assertThat(this.buckets.take("client:a", 1, 10, 1).allowed()).isFalse();
	}

	@Test
	void startsAgainFullOnceCleared() {
		this.buckets.take("client:a", 1, 10, 10);

		this.buckets.clear();

		assertThat(this.buckets.take("client:a", 1, 10, 10).allowed()).isTrue();
	}

	private void elapse(Duration duration) {
		this.now.addAndGet(duration.toNanos());
	}

}
