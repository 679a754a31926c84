package io.orderflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.order.OrderPlaced;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns order events into notifications: stored once per (order, event type), whatever
 * the number of deliveries, then sent through the channel (live streams get it from
 * {@link NotificationFeed}, whichever instance stored it). Records that can never become
 * a notification are dead-lettered at once by the messaging module's error handler;
 * MongoDB being down is retried in place.
 */
@Component
class OrderEventsListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventsListener.class);

	private final NotificationRepository notifications;

	private final NotificationDelivery delivery;

	private final NotificationProperties.Delivery properties;

	private final Clock clock;

	OrderEventsListener(NotificationRepository notifications, NotificationDelivery delivery,
			NotificationProperties properties, Clock clock) {
		this.notifications = notifications;
		this.delivery = delivery;
		this.properties = properties.delivery();
		this.clock = clock;
	}

	@KafkaListener(topics = OrderEvent.TOPIC, groupId = "notification-service")
	void on(ConsumerRecord<String, Object> record) {
		if (!(record.value() instanceof OrderEvent event)) {
			throw new PermanentMessageFailure("Not an order event: " + record.value().getClass().getSimpleName());
		}
		Envelope envelope = Envelope.of(record.headers());
		on(event, envelope);
	}

	private void on(OrderEvent event, Envelope envelope) {
		NotificationTemplates.render(event).ifPresent((message) -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			// Stored already claimed for the first send: should this instance die before
			// recording the outcome, the claim lapses and DeliveryRetries sends it.
			Notification notification = Notification.claimedForFirstSend(UUID.randomUUID().toString(),
					envelope.messageId().toString(), owner(event), customerId(event),
					requireText(event.orderId(), "orderId"), envelope.messageType(), message, now,
					UUID.randomUUID().toString(), now.plus(this.properties.lease()));
			if (!this.notifications.insertIfAbsent(notification)) {
				logger.debug("{} of order {} already notified", envelope.messageType(), event.orderId());
				return;
			}
			this.delivery.send(notification);
		});
	}

	/** Null for events published before orders carried their owner. */
	private static String owner(OrderEvent event) {
		String owner = event.owner();
		return (owner == null || owner.isBlank()) ? null : owner;
	}

	private static String customerId(OrderEvent event) {
		String customerId = switch (event) {
			case OrderConfirmed confirmed -> confirmed.customerId();
			case OrderCancelled cancelled -> cancelled.customerId();
			case OrderPlaced placed -> placed.customerId();
		};
		return requireText(customerId, "customerId");
	}

	private static String requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new PermanentMessageFailure("Order event without " + name);
		}
		return value;
	}

}
