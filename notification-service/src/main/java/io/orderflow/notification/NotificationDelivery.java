package io.orderflow.notification;

import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Sends a claimed notification through the channel and records what became of it: SENT,
 * PENDING again after a capped exponential backoff, or FAILED once the attempts are used
 * up. The first send (by the listener) and every retry (by {@link DeliveryRetries}) go
 * through here.
 */
@Component
class NotificationDelivery {

	private static final Logger logger = LoggerFactory.getLogger(NotificationDelivery.class);

	/** Long enough to tell one error from another, short enough for every document. */
	private static final int MAX_ERROR_LENGTH = 500;

	private final NotificationRepository notifications;

	private final NotificationChannel channel;

	private final NotificationProperties.Delivery properties;

	private final Counter sent;

	private final Counter retried;

	private final Counter failed;

	NotificationDelivery(NotificationRepository notifications, NotificationChannel channel,
			NotificationProperties properties, MeterRegistry meters) {
		this.notifications = notifications;
		this.channel = channel;
		this.properties = properties.delivery();
		this.sent = outcomes(meters, "sent", "Notifications the channel took");
		this.retried = outcomes(meters, "retry", "Failed sends that will be tried again");
		this.failed = outcomes(meters, "failed",
				"Notifications given up on after their last attempt failed; they stay FAILED");
	}

	private static Counter outcomes(MeterRegistry meters, String outcome, String description) {
		return Counter.builder("orderflow.notifications.deliveries")
			.tag("outcome", outcome)
			.description(description)
			.register(meters);
	}

	/**
	 * Sends {@code claimed}, which the caller holds the claim of, and records the
	 * outcome.
	 * @return the notification as recorded
	 */
	Notification send(Notification claimed) {
		Notification outcome;
		try {
			this.channel.send(claimed);
			outcome = claimed.sent();
		}
		catch (RuntimeException ex) {
			outcome = failed(claimed, ex);
		}
		if (!this.notifications.recordOutcome(claimed.claim(), outcome)) {
			// The send outlived its lease and another instance claimed it again: that
			// one's outcome counts, and the customer may get this one twice.
			logger.warn("Notification {} was claimed again while being sent; its outcome is left to that claim",
					claimed.id());
			return claimed;
		}
		count(outcome);
		return outcome;
	}

	private Notification failed(Notification claimed, RuntimeException ex) {
		String error = abbreviate(ex.toString());
		if (claimed.attempts() >= this.properties.maxAttempts()) {
			logger.warn("Notification {} failed on attempt {} of {} and will not be tried again: {}", claimed.id(),
					claimed.attempts(), this.properties.maxAttempts(), error);
			return claimed.failed(error, null);
		}
		// Counted from the start of the attempt, which every claim records, so the wait
		// between two attempts is the backoff whatever the channel's own time to fail.
		Instant retryAt = claimed.lastAttemptAt().plus(this.properties.backoffAfter(claimed.attempts()));
		logger.info("Notification {} failed on attempt {} of {}, next at {}: {}", claimed.id(), claimed.attempts(),
				this.properties.maxAttempts(), retryAt, error);
		return claimed.failed(error, retryAt);
	}

	private void count(Notification outcome) {
		Counter counter = switch (outcome.delivery()) {
			case SENT -> this.sent;
			case PENDING -> this.retried;
			case FAILED -> this.failed;
		};
		counter.increment();
	}

	private static String abbreviate(String error) {
		return (error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

}
