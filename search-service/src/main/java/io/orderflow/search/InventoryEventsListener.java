package io.orderflow.search;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects product changes into the {@code products} index. The topic also carries
 * inventory's saga replies (stock reserved, released, ...): they are read and passed
 * over, not dead-lettered.
 */
@Component
class InventoryEventsListener {

	private final IndexWriter writer;

	InventoryEventsListener(IndexWriter writer) {
		this.writer = writer;
	}

	@KafkaListener(topics = InventoryEvent.TOPIC, groupId = "search-service-products")
	void on(ConsumerRecord<String, Object> record) {
		switch (record.value()) {
			case ProductChanged changed -> on(changed);
			case InventoryEvent ignored -> {
				// A saga reply: nothing a product search shows.
			}
			case null -> throw new PermanentMessageFailure("Inventory event without a value");
			default -> throw new PermanentMessageFailure(
					"Not an inventory event: " + record.value().getClass().getSimpleName());
		}
	}

	void on(ProductChanged changed) {
		if (changed.sku() == null || changed.sku().isBlank()) {
			throw new PermanentMessageFailure("ProductChanged without sku");
		}
		if (changed.version() < 0) {
			throw new PermanentMessageFailure("ProductChanged with a negative version: " + changed.version());
		}
		this.writer.write(SearchIndex.PRODUCTS, changed.sku(), changed.version(), ProductDocument.of(changed));
	}

}
