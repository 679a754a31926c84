package io.orderflow.notification;

/**
 * Where a notification goes once stored: the log by default; e-mail or SMS would be other
 * implementations. A failure is recorded on the notification, not retried.
 */
interface NotificationChannel {

	/**
	 * @throws RuntimeException when the notification could not be delivered
	 */
	void send(Notification notification);

}
