package io.orderflow.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings; routes, timeouts and breakers are Spring Cloud Gateway's
 * and Resilience4j's properties.
 *
 * @param maxRequestSize the largest request body accepted
 * @param cors the browser origins allowed to call the API
 * @param rateLimit the clients' token buckets
 */
@ConfigurationProperties("orderflow.gateway")
public record GatewayProperties(@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue Cors cors,
		@DefaultValue RateLimit rateLimit) {

	/**
	 * @param allowedOrigins exact origins; a wildcard is refused
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	public record Cors(@DefaultValue( {
			"http://localhost:3000", "http://127.0.0.1:3000" }) List<String> allowedOrigins,
			@DefaultValue("86400s") Duration maxAge){

		public Cors {
			if (allowedOrigins.stream().anyMatch((origin) -> origin.contains("*"))) {
				throw new IllegalArgumentException("CORS origins must be listed one by one, not with '*'");
			}
		}

	}

	/**
	 * The routes take these numbers as their RequestRateLimiter arguments.
	 *
	 * @param replenishRate tokens added to a client's bucket per second
	 * @param burstCapacity the size of the bucket
	 * @param costs tokens a request of each kind takes
	 * @param redisRetryInterval how often the limiter asks Redis again while it counts in
	 * memory
	 */
	public record RateLimit(@DefaultValue("200") int replenishRate, @DefaultValue("400") int burstCapacity,
			@DefaultValue Map<String, Integer> costs, @DefaultValue("1s") Duration redisRetryInterval) {

		public RateLimit {
			for (Map.Entry<String, Integer> cost : costs.entrySet()) {
				if (cost.getValue() > burstCapacity) {
					// A request dearer than a full bucket would be refused for ever.
					throw new IllegalArgumentException("Rate limit cost '" + cost.getKey() + "' (" + cost.getValue()
							+ ") exceeds the burst capacity " + burstCapacity);
				}
			}
		}

	}

}
