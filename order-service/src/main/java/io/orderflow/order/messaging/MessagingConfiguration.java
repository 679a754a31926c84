package io.orderflow.order.messaging;

import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.payment.PaymentCommand;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.messaging.envelope.MessageTypes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	/** What order-service publishes and what it consumes. */
	@Bean
	MessageTypes orderServiceMessages() {
		return MessageTypes.of(OrderEvent.class, InventoryCommand.class, InventoryEvent.class, PaymentCommand.class,
				PaymentEvent.class);
	}

	/** The topic order-service owns; the participants create their own. */
	@Bean
	NewTopic orderEventsTopic() {
		return TopicBuilder.name(OrderEvent.TOPIC).partitions(6).build();
	}

}
