package io.orderflow.order.messaging;

import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.payment.PaymentCommand;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.messaging.envelope.MessageTypes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	/**
	 * What order-service publishes and what it consumes; the messaging module creates
	 * their topics at start when missing, so it never waits for a participant to start
	 * first.
	 */
	@Bean
	MessageTypes orderServiceMessages() {
		return MessageTypes.of(OrderEvent.class, InventoryCommand.class, InventoryEvent.class, PaymentCommand.class,
				PaymentEvent.class);
	}

}
