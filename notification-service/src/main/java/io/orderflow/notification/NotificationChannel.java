package io.orderflow.notification;

/**
 * Where a notification goes once stored: the log by default; e-mail or SMS would be other
 * implementations. A failed send is tried again later (see {@link DeliveryRetries}), so
 * an implementation may see the same notification more than once and should pass its id
 * on to a provider that deduplicates.
 */
interface NotificationChannel {

	/**
	 * @throws RuntimeException when the notification could not be delivered
	 */
	void send(Notification notification);

}
