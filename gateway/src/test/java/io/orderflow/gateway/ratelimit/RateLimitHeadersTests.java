package io.orderflow.gateway.ratelimit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTests {

	private final RedisRateLimiter.Config config = new RedisRateLimiter.Config().setReplenishRate(10)
		.setBurstCapacity(100)
		.setRequestedTokens(25);

	@Test
	void tellsARefusedClientTheWholeSecondsUntilItsRequestFits() {
		Map<String, String> headers = RateLimitHeaders.of(Map.of(), this.config, new BucketState(false, 4));

		// 21 tokens missing at 10 a second: 2.1 s, and Redis refills by whole seconds.
		assertThat(headers).containsEntry("Retry-After", "3");
	}

	@Test
	void tellsTheSizeOfTheBucketAndWhenItIsFullAgain() {
		Map<String, String> headers = RateLimitHeaders.of(Map.of("X-RateLimit-Remaining", "40"), this.config,
				new BucketState(true, 40));

		assertThat(headers).containsEntry("X-RateLimit-Limit", "100")
			.containsEntry("X-RateLimit-Reset", "6")
			.containsEntry("X-RateLimit-Remaining", "40")
			.doesNotContainKey("Retry-After");
	}

	@Test
	void resetsAtOnceWhenTheBucketIsFull() {
		assertThat(RateLimitHeaders.of(Map.of(), this.config, new BucketState(true, 100)))
			.containsEntry("X-RateLimit-Reset", "0");
	}

}
