package io.orderflow.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's {@link RedisRateLimiter} (the same Lua token bucket, the same
 * {@code redis-rate-limiter.*} route arguments and headers) with three differences:
 * <ul>
 * <li>one bucket per client rather than per client and route, so that each route's
 * {@code requestedTokens} is its price in the client's one budget;</li>
 * <li>it does not fail open: when Redis does not answer, it counts in
 * {@link LocalTokenBuckets} with the same numbers; after a few consecutive failures
 * ({@link RedisAvailability}) it says so once in the log, asks Redis again at most once
 * per retry interval (so a dead Redis costs no request its timeout) and goes back to
 * Redis as soon as it answers;</li>
 * <li>{@link RateLimitHeaders}: {@code Retry-After} on a refusal and
 * {@code X-RateLimit-Limit}/{@code -Reset}.</li>
 * </ul>
 */
public class ClientRateLimiter extends RedisRateLimiter {

	private static final Logger logger = LoggerFactory.getLogger(ClientRateLimiter.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisScript<List<Long>> script;

	private final LocalTokenBuckets local;

	private final RedisAvailability availability;

	ClientRateLimiter(ReactiveStringRedisTemplate redis, RedisScript<List<Long>> script,
			ConfigurationService configurationService, Duration redisRetryInterval, LongSupplier nanoTime) {
		super(redis, script, configurationService);
		this.redis = redis;
		this.script = script;
		this.local = new LocalTokenBuckets(nanoTime);
		this.availability = new RedisAvailability(redisRetryInterval, nanoTime);
	}

	@Override
	public Mono<Response> isAllowed(String routeId, String id) {
		Config config = configFor(routeId);
		return take(id, config).map((state) -> new Response(state.allowed(),
				RateLimitHeaders.of(getHeaders(config, state.tokensLeft()), config, state)));
	}

	/** Whether the limits are counted in memory: Redis failed several calls in a row. */
	public boolean isCountingInMemory() {
		return this.availability.countingInMemory();
	}

	private Mono<BucketState> take(String id, Config config) {
		if (!this.availability.askRedis()) {
			return Mono.fromSupplier(() -> takeLocally(id, config));
		}
		return this.redis.execute(this.script, keys(id), arguments(config))
			.reduceWith(ArrayList<Long>::new, (results, result) -> {
				results.addAll(result);
				return results;
			})
			.map((results) -> new BucketState(results.get(0) == 1L, results.get(1)))
			.doOnNext((state) -> redisAnswered())
			.onErrorResume((failure) -> {
				redisFailed(failure);
				return Mono.fromSupplier(() -> takeLocally(id, config));
			});
	}

	private BucketState takeLocally(String id, Config config) {
		return this.local.take(id, config.getReplenishRate(), config.getBurstCapacity(), config.getRequestedTokens());
	}

	private void redisFailed(Throwable failure) {
		if (this.availability.failed()) {
			logger.warn("Redis does not answer ({}): rate limits are counted in memory, per gateway instance, "
					+ "until it does", NestedExceptionUtils.getMostSpecificCause(failure).toString());
		}
		else {
			logger.debug("Redis does not answer: {}", NestedExceptionUtils.getMostSpecificCause(failure).toString());
		}
	}

	private void redisAnswered() {
		if (this.availability.answered()) {
			logger.info("Redis answers again: rate limits are counted in Redis");
			this.local.clear();
		}
	}

	private Config configFor(String routeId) {
		Config config = getConfig().get(routeId);
		if (config == null) {
			throw new IllegalStateException("Route " + routeId + " has a RequestRateLimiter without "
					+ CONFIGURATION_PROPERTY_NAME + ".* arguments");
		}
		return config;
	}

	/**
	 * The keys of Spring Cloud Gateway's script, without the route: one bucket per
	 * client.
	 */
	private static List<String> keys(String id) {
		String prefix = "request_rate_limiter.{" + id + "}.";
		return List.of(prefix + "tokens", prefix + "timestamp");
	}

	/** Rate, capacity, now (empty: Redis's clock), cost. */
	private static List<String> arguments(Config config) {
		return List.of(Integer.toString(config.getReplenishRate()), Long.toString(config.getBurstCapacity()), "",
				Integer.toString(config.getRequestedTokens()));
	}

}
