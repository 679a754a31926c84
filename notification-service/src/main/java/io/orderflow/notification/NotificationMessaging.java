package io.orderflow.notification;

import io.orderflow.contract.order.OrderEvent;
import io.orderflow.messaging.envelope.MessageTypes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The messages this service reads. Without a database the messaging module gives it the
 * envelope deserialization and the listener error handling with dead-letter topics, but
 * no outbox and no inbox: idempotency is the unique index of
 * {@link NotificationRepository}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationMessaging {

	@Bean
	MessageTypes notificationMessages() {
		return MessageTypes.of(OrderEvent.class);
	}

}
