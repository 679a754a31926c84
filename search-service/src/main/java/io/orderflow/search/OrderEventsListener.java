package io.orderflow.search;

import io.orderflow.contract.order.OrderEvent;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects order events into the {@code orders} index: each carries the whole order, so
 * the newest version wins whatever arrived before. Records that can never become a
 * document are dead-lettered at once by the messaging module's error handler; an
 * unreachable engine is retried in place, holding the partition, so per-order order is
 * kept.
 */
@Component
class OrderEventsListener {

	private final IndexWriter writer;

	OrderEventsListener(IndexWriter writer) {
		this.writer = writer;
	}

	@KafkaListener(topics = OrderEvent.TOPIC, groupId = "search-service-orders")
	void on(ConsumerRecord<String, Object> record) {
		if (!(record.value() instanceof OrderEvent event)) {
			throw new PermanentMessageFailure("Not an order event: "
					+ ((record.value() != null) ? record.value().getClass().getSimpleName() : "null"));
		}
		on(event);
	}

	void on(OrderEvent event) {
		if (event.orderId() == null || event.orderId().isBlank()) {
			throw new PermanentMessageFailure("Order event without orderId");
		}
		if (event.version() < 0) {
			throw new PermanentMessageFailure("Order event with a negative version: " + event.version());
		}
		this.writer.write(SearchIndex.ORDERS, event.orderId(), event.version(), OrderDocument.of(event));
	}

}
