package io.orderflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default channel: one log line per notification, with ids and the type only (no
 * message text, which may carry amounts or reasons).
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
		@ConditionalOnMissingBean(NotificationChannel.class)
		NotificationChannel logNotificationChannel() {
			return new LogNotificationChannel();
		}

	}

}
