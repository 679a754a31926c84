package io.orderflow.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderflow.notification.*}.
 *
 * @param channel the channel notifications are sent through: {@code log} (the default),
 * or the name another {@link NotificationChannel} bean is conditional on
 * @param delivery how notifications the channel did not take are sent again
 */
@ConfigurationProperties("orderflow.notification")
record NotificationProperties(@DefaultValue("log") String channel, @DefaultValue Delivery delivery) {

	/**
	 * @param maxAttempts sends tried (the first included) before a notification stays
	 * FAILED
	 * @param initialBackoff the wait after the first failed attempt; doubled after each
	 * further one
	 * @param maxBackoff the longest wait between two attempts
	 * @param lease how long a claimed notification belongs to the instance sending it;
	 * past it, another instance may send it again, so it must exceed the channel's
	 * slowest send
	 * @param pollInterval how often each instance looks for due notifications
	 * @param batchSize how many due notifications one poll sends at most
	 */
	record Delivery(@DefaultValue("5") int maxAttempts, @DefaultValue("10s") Duration initialBackoff,
			@DefaultValue("10m") Duration maxBackoff, @DefaultValue("1m") Duration lease,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("100") int batchSize) {

		Delivery {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("max-attempts must be at least 1, not " + maxAttempts);
			}
			if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException(
						"Need 0 < initial-backoff <= max-backoff, not " + initialBackoff + " and " + maxBackoff);
			}
			if (lease.isNegative() || lease.isZero() || pollInterval.isNegative() || pollInterval.isZero()
					|| batchSize < 1) {
				throw new IllegalArgumentException("lease, poll-interval and batch-size must be positive");
			}
		}

		/** The wait before the next attempt after {@code attempts} failed ones. */
		Duration backoffAfter(int attempts) {
			Duration backoff = this.initialBackoff;
			for (int i = 1; i < attempts && backoff.compareTo(this.maxBackoff) < 0; i++) {
				backoff = backoff.multipliedBy(2);
			}
			return (backoff.compareTo(this.maxBackoff) < 0) ? backoff : this.maxBackoff;
		}

	}

}
