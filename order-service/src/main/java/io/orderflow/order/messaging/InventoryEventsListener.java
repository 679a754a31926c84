package io.orderflow.order.messaging;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.contract.inventory.StockCommitted;
import io.orderflow.contract.inventory.StockReleased;
import io.orderflow.contract.inventory.StockReservationFailed;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.messaging.inbox.Inbox;
import io.orderflow.order.application.SagaReplies;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Inventory's replies to the saga. */
@Component
class InventoryEventsListener {

	private final Inbox inbox;

	private final SagaReplies replies;

	InventoryEventsListener(Inbox inbox, SagaReplies replies) {
		this.inbox = inbox;
		this.replies = replies;
	}

	@KafkaListener(topics = InventoryEvent.TOPIC, groupId = Replies.CONSUMER_GROUP)
	void on(ConsumerRecord<String, InventoryEvent> record) {
		// Product changes share the topic but are the search projection's business.
		if (record.value() instanceof ProductChanged) {
			return;
		}
		this.inbox.receive(record, (event) -> Replies.handle(this.replies, record, orderId(event), event));
	}

	private static String orderId(InventoryEvent event) {
		return switch (event) {
			case StockReserved reserved -> reserved.orderId();
			case StockReservationFailed failed -> failed.orderId();
			case StockReleased released -> released.orderId();
			case StockCommitted committed -> committed.orderId();
			case ProductChanged changed -> throw new IllegalArgumentException("Not about an order: " + changed);
		};
	}

}
