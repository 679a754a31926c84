package io.orderflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Sends again what is due: notifications whose last send failed and whose backoff is
 * over, and those whose claim lapsed because the instance sending them died before it
 * recorded an outcome (between storing and sending included). Every instance polls; each
 * notification is claimed atomically with a lease, so two instances never send the same
 * one at the same time.
 */
@Component
class DeliveryRetries implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryRetries.class);

	private final NotificationRepository notifications;

	private final NotificationDelivery delivery;

	private final NotificationProperties.Delivery properties;

	private final Clock clock;

	DeliveryRetries(NotificationRepository notifications, NotificationDelivery delivery,
			NotificationProperties properties, Clock clock) {
		this.notifications = notifications;
		this.delivery = delivery;
		this.properties = properties.delivery();
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::poll, this.properties.pollInterval());
	}

	/**
	 * Claims and sends due notifications one at a time, at most a batch.
	 * @return how many were claimed; a full batch means more may be due
	 */
	int sendDue() {
		int claimed = 0;
		while (claimed < this.properties.batchSize()) {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			Optional<Notification> due = this.notifications.claimDue(now, now.plus(this.properties.lease()),
					UUID.randomUUID().toString());
			if (due.isEmpty()) {
				break;
			}
			claimed++;
			this.delivery.send(due.get());
		}
		return claimed;
	}

	private void poll() {
		try {
			sendDue();
		}
		catch (DataAccessException ex) {
			// MongoDB is down: what is due stays due, and the next poll tries again.
			logger.warn("Could not send due notifications: {}", ex.toString());
		}
	}

}
