package io.orderflow.order.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.orderflow.contract.order.OrderEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

/** What order-service published on {@code order.events}, as a projection receives it. */
public class OrderEventsRecorder {

	private final Map<String, List<OrderEvent>> events = new ConcurrentHashMap<>();

	@KafkaListener(topics = OrderEvent.TOPIC, groupId = "order-events-recorder", concurrency = "1")
	void on(ConsumerRecord<String, OrderEvent> record) {
		this.events.computeIfAbsent(record.key(), (orderId) -> new CopyOnWriteArrayList<>()).add(record.value());
	}

	/** The events about {@code orderId}, in publication order. */
	public List<OrderEvent> eventsOf(String orderId) {
		return List.copyOf(this.events.getOrDefault(orderId, List.of()));
	}

}
