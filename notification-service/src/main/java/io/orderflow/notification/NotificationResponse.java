package io.orderflow.notification;

import java.time.Instant;
import java.util.List;

/** A notification as clients see it (DESIGN.md §5). */
record NotificationResponse(String id, String customerId, String orderId, String type, String message,
		Instant createdAt) {

	static NotificationResponse of(Notification notification) {
		return new NotificationResponse(notification.id(), notification.customerId(), notification.orderId(),
				notification.type(), notification.message(), notification.createdAt());
	}

	/** A keyset page: {@code nextCursor} is null on the last one. */
	record Page(List<NotificationResponse> items, String nextCursor) {

	}

}
