package io.orderflow.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification per (order, event type), the pair being unique in the collection.
 * There is no owner: order events do not carry the client that placed the order, so
 * notifications are scoped by customer id only.
 *
 * @param id random, the tie-breaker of the keyset order
 * @param messageId the id of the order event it was made from
 * @param delivery what the channel made of it
 */
@Document(NotificationRepository.COLLECTION)
record Notification(@Id String id, String messageId, String customerId, String orderId, String type, String message,
		Instant createdAt, Delivery delivery) {

	enum Delivery {

		PENDING, SENT, FAILED

	}

}
