package io.orderflow.inventory.messaging;

import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.messaging.envelope.MessageTypes;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The messages inventory reads and writes, and the two topics it owns: its commands (it
 * executes them) and its events (it produces them). Replication is left to the broker's
 * default, which is what differs between one local broker and a cluster.
 */
@Configuration(proxyBeanMethods = false)
class InventoryMessaging {

	/**
	 * DESIGN.md §2: six partitions per topic, enough consumers for a scaled-out service.
	 */
	static final int PARTITIONS = 6;

	@Bean
	MessageTypes inventoryMessages() {
		return MessageTypes.of(InventoryCommand.class, InventoryEvent.class);
	}

	@Bean
	NewTopic inventoryCommandsTopic() {
		return TopicBuilder.name(InventoryCommand.TOPIC).partitions(PARTITIONS).build();
	}

	@Bean
	NewTopic inventoryEventsTopic() {
		return TopicBuilder.name(InventoryEvent.TOPIC).partitions(PARTITIONS).build();
	}

}
