package io.orderflow.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;

/**
 * The headers a client paces itself by, beside Spring Cloud Gateway's own
 * ({@code X-RateLimit-Remaining}, {@code -Replenish-Rate}, {@code -Burst-Capacity},
 * {@code -Requested-Tokens}): {@code X-RateLimit-Limit} (the bucket's size),
 * {@code X-RateLimit-Reset} (seconds until it is full again) and, on a 429,
 * {@code Retry-After}: the seconds until the bucket holds what the refused request costs.
 */
final class RateLimitHeaders {

	static final String LIMIT = "X-RateLimit-Limit";

	static final String RESET = "X-RateLimit-Reset";

	private RateLimitHeaders() {
	}

	static Map<String, String> of(Map<String, String> gatewayHeaders, RedisRateLimiter.Config config,
			BucketState state) {
		Map<String, String> headers = new LinkedHashMap<>(gatewayHeaders);
		long left = Math.max(0, state.tokensLeft());
		headers.put(LIMIT, Long.toString(config.getBurstCapacity()));
		headers.put(RESET, Long.toString(secondsToRefill(config.getBurstCapacity() - left, config)));
		if (!state.allowed()) {
			headers.put(HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, secondsToRefill(config.getRequestedTokens() - left, config))));
		}
		return headers;
	}

	/**
	 * Whole seconds: Redis refills by whole seconds of its clock, so a shorter wait could
	 * still be refused.
	 */
	static long secondsToRefill(long tokensMissing, RedisRateLimiter.Config config) {
		return (tokensMissing <= 0) ? 0 : Math.ceilDiv(tokensMissing, config.getReplenishRate());
	}

}
