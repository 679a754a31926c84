package io.orderflow.notification;

import java.time.Instant;
import java.util.List;

/**
 * A notification as clients see it (DESIGN.md §5), with its owner and how its delivery is
 * going.
 */
record NotificationResponse(String id, String owner, String customerId, String orderId, String type, String message,
		Instant createdAt, DeliveryResponse delivery) {

	static NotificationResponse of(Notification notification) {
		return new NotificationResponse(notification.id(), notification.owner(), notification.customerId(),
				notification.orderId(), notification.type(), notification.message(), notification.createdAt(),
				new DeliveryResponse(notification.delivery(), notification.attempts(), notification.nextAttemptAt()));
	}

	/**
	 * @param nextAttemptAt while PENDING, the earliest time of the next attempt
	 */
	record DeliveryResponse(Notification.Delivery status, int attempts, Instant nextAttemptAt) {

	}

	/** A keyset page: {@code nextCursor} is null on the last one. */
	record Page(List<NotificationResponse> items, String nextCursor) {

	}

}
