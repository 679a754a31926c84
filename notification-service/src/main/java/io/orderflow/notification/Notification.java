package io.orderflow.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification per (order, event type), the pair being unique in the collection.
 *
 * @param id random, the tie-breaker of the keyset order
 * @param messageId the id of the order event it was made from
 * @param owner the API client that placed the order, the only client that sees the
 * notification besides operators; null for events published before orders carried it,
 * which operators alone see
 * @param delivery what the channel made of it so far
 * @param attempts sends started, counted when claimed so that a send the service died in
 * counts too
 * @param lastAttemptAt when the latest send started
 * @param nextAttemptAt while PENDING, when it may be claimed next: the end of the current
 * claim's lease, or of the backoff after a failure; null once SENT or FAILED
 * @param claim the lease holder's token; only it records the outcome of its send
 * @param lastError why the latest failed send failed
 */
@Document(NotificationRepository.COLLECTION)
record Notification(@Id String id, String messageId, String owner, String customerId, String orderId, String type,
		String message, Instant createdAt, Delivery delivery, int attempts, Instant lastAttemptAt,
		Instant nextAttemptAt, String claim, String lastError) {

	/**
	 * A new notification, claimed for its first send by the one who stores it.
	 */
	static Notification claimedForFirstSend(String id, String messageId, String owner, String customerId,
			String orderId, String type, String message, Instant now, String claim, Instant leaseEnd) {
		return new Notification(id, messageId, owner, customerId, orderId, type, message, now, Delivery.PENDING, 1, now,
				leaseEnd, claim, null);
	}

	Notification sent() {
		return new Notification(this.id, this.messageId, this.owner, this.customerId, this.orderId, this.type,
				this.message, this.createdAt, Delivery.SENT, this.attempts, this.lastAttemptAt, null, null,
				this.lastError);
	}

	Notification failed(String error, Instant retryAt) {
		return new Notification(this.id, this.messageId, this.owner, this.customerId, this.orderId, this.type,
				this.message, this.createdAt, (retryAt != null) ? Delivery.PENDING : Delivery.FAILED, this.attempts,
				this.lastAttemptAt, retryAt, null, error);
	}

	enum Delivery {

		/** Not sent yet: being sent, or waiting for its next attempt. */
		PENDING,

		SENT,

		/** Every attempt failed; no more are made. */
		FAILED

	}

}
