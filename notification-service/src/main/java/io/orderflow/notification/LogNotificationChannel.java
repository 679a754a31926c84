package io.orderflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default channel ({@code orderflow.notification.channel=log}): one log line per
 * notification, with ids and the type only (no message text, which may carry amounts or
 * reasons). Another channel (e-mail, SMS) is a {@link NotificationChannel} bean selected
 * by another value of that property; a condition on the property, unlike one on a missing
 * bean, does not depend on the order in which configurations are read.
 */
class LogNotificationChannel implements NotificationChannel {

	private static final Logger logger = LoggerFactory.getLogger(LogNotificationChannel.class);

	@Override
	public void send(Notification notification) {
		logger.info("Notification {} sent to customer {}: {} for order {}", notification.id(),
				notification.customerId(), notification.type(), notification.orderId());
	}

	@Configuration(proxyBeanMethods = false)
	static class Default {

		@Bean
		@ConditionalOnProperty(name = "orderflow.notification.channel", havingValue = "log", matchIfMissing = true)
		NotificationChannel logNotificationChannel() {
			return new LogNotificationChannel();
		}

	}

}
