package io.orderflow.notification;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.orderflow.contract.order.OrderEvent;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns order events into notifications: stored once per (order, event type), whatever
 * the number of deliveries, then sent through the channel and pushed to live streams.
 * Records that can never become a notification are dead-lettered at once by the messaging
 * module's error handler; MongoDB being down is retried in place.
 */
@Component
class OrderEventsListener {

	private static final Logger logger = LoggerFactory.getLogger(OrderEventsListener.class);

	private final NotificationRepository notifications;

	private final NotificationChannel channel;

	private final NotificationStream stream;

	OrderEventsListener(NotificationRepository notifications, NotificationChannel channel, NotificationStream stream) {
		this.notifications = notifications;
		this.channel = channel;
		this.stream = stream;
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
			Notification notification = new Notification(UUID.randomUUID().toString(), envelope.messageId().toString(),
					customerId(event), requireText(event.orderId(), "orderId"), envelope.messageType(), message,
					Instant.now().truncatedTo(ChronoUnit.MILLIS), Notification.Delivery.PENDING);
			if (!this.notifications.insertIfAbsent(notification)) {
				logger.debug("{} of order {} already notified", envelope.messageType(), event.orderId());
				return;
			}
			deliver(notification);
			this.stream.publish(notification);
		});
	}

	private void deliver(Notification notification) {
		Notification.Delivery delivery;
		try {
			this.channel.send(notification);
			delivery = Notification.Delivery.SENT;
		}
		catch (RuntimeException ex) {
			logger.warn("Notification {} could not be sent: {}", notification.id(), ex.toString());
			delivery = Notification.Delivery.FAILED;
		}
		this.notifications.markDelivery(notification.id(), delivery);
	}

	private static String customerId(OrderEvent event) {
		String customerId = switch (event) {
			case io.orderflow.contract.order.OrderConfirmed confirmed -> confirmed.customerId();
			case io.orderflow.contract.order.OrderCancelled cancelled -> cancelled.customerId();
			case io.orderflow.contract.order.OrderPlaced placed -> placed.customerId();
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
