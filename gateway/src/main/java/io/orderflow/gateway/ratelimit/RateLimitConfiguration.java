package io.orderflow.gateway.ratelimit;

import java.util.List;

import io.lettuce.core.ClientOptions;
import io.orderflow.gateway.GatewayProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/**
	 * Replaces Spring Cloud Gateway's RedisRateLimiter bean, and so is the default
	 * limiter.
	 */
	@Bean
	ClientRateLimiter clientRateLimiter(ReactiveStringRedisTemplate redis,
			@Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
			ConfigurationService configurationService, GatewayProperties properties) {
		return new ClientRateLimiter(redis, script, configurationService, properties.rateLimit().redisRetryInterval(),
				System::nanoTime);
	}

	/** The only KeyResolver, and so the RequestRateLimiter's default. */
	@Bean
	ClientKeyResolver clientKeyResolver() {
		return new ClientKeyResolver();
	}

	/**
	 * Lettuce queues commands while it reconnects, so each would wait for the whole
	 * timeout; refused at once, the limiter falls back to memory without delay.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
