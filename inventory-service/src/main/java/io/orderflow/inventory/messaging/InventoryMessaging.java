package io.orderflow.inventory.messaging;

import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.messaging.envelope.MessageTypes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The messages inventory reads and writes. Their topics (six partitions each, DESIGN.md
 * §2) are created at start by the messaging module from this registration.
 */
@Configuration(proxyBeanMethods = false)
class InventoryMessaging {

	@Bean
	MessageTypes inventoryMessages() {
		return MessageTypes.of(InventoryCommand.class, InventoryEvent.class);
	}

}
