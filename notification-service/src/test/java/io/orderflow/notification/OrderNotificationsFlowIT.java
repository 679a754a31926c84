package io.orderflow.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.order.OrderPlaced;
import io.orderflow.contract.testing.GoldenMessages;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.failure.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Order events on {@code order.events} become one notification per (order, event type),
 * however often they are delivered, and records that can never become one go to the
 * dead-letter topic without holding up the next.
 */
@NotificationIT
class OrderNotificationsFlowIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private NotificationRepository notifications;

	@Autowired
	private OrderEventsListener listener;

	@Autowired
	private MessageCodec codec;

	@Autowired
	private DeadLetters deadLetters;

	@Test
	void storesAndSendsOneNotificationPerConfirmedOrCancelledOrder() {
		String confirmed = anOrderId();
		String cancelled = anOrderId();
		try (OrderEvents events = new OrderEvents()) {
			UUID confirmedMessage = events.send(OrderConfirmed.class, confirmed, "c-flow");
			events.send(OrderCancelled.class, cancelled, "c-flow");
			await().atMost(WAIT).untilAsserted(() -> {
				assertThat(this.notifications.find(confirmed, "OrderConfirmed")).hasValueSatisfying((notification) -> {
					assertThat(notification.customerId()).isEqualTo("c-flow");
					assertThat(notification.messageId()).isEqualTo(confirmedMessage.toString());
					assertThat(notification.message())
						.isEqualTo("Your order " + confirmed + " is confirmed: total 44.99 EUR");
					assertThat(notification.delivery()).isEqualTo(Notification.Delivery.SENT);
				});
				assertThat(this.notifications.find(cancelled, "OrderCancelled"))
					.hasValueSatisfying((notification) -> assertThat(notification.message())
						.isEqualTo("Your order " + cancelled + " is cancelled: the payment was declined"));
			});
		}
		assertThat(this.notifications.countByOrder(confirmed)).isOne();
		assertThat(this.notifications.countByOrder(cancelled)).isOne();
	}

	@Test
	void storesOneNotificationForAnEventDeliveredTwiceInTurnOrAtOnce() throws Exception {
		String redelivered = anOrderId();
		String concurrent = anOrderId();
		try (OrderEvents events = new OrderEvents()) {
			UUID messageId = UUID.randomUUID();
			String json = OrderEvents.golden(OrderConfirmed.class, redelivered, "c-dup");
			events.sendRaw(redelivered, messageId, "OrderConfirmed", json);
			events.sendRaw(redelivered, messageId, "OrderConfirmed", json);
			// A later event on the same partition proves both copies were handled.
			String marker = anOrderId();
			events.sendRaw(redelivered, UUID.randomUUID(), "OrderConfirmed",
					OrderEvents.golden(OrderConfirmed.class, marker, "c-dup"));
			await().atMost(WAIT).until(() -> this.notifications.countByOrder(marker) == 1);
		}
		assertThat(this.notifications.countByOrder(redelivered)).isOne();

		ConsumerRecord<String, Object> record = record(concurrent, GoldenMessages.read(OrderCancelled.class),
				OrderCancelled.class, concurrent);
		int deliveries = 8;
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(deliveries)) {
			List<Future<?>> handled = new ArrayList<>();
			for (int i = 0; i < deliveries; i++) {
				handled.add(threads.submit(() -> {
					start.await();
					this.listener.on(record);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> each : handled) {
				each.get();
			}
		}
		assertThat(this.notifications.countByOrder(concurrent)).isOne();
	}

	@Test
	void ignoresPlacedOrders() {
		String placed = anOrderId();
		String marker = anOrderId();
		try (OrderEvents events = new OrderEvents()) {
			events.send(OrderPlaced.class, placed, "c-placed");
			events.sendRaw(placed, UUID.randomUUID(), "OrderConfirmed",
					OrderEvents.golden(OrderConfirmed.class, marker, "c-placed"));
			await().atMost(WAIT).until(() -> this.notifications.countByOrder(marker) == 1);
		}
		assertThat(this.notifications.countByOrder(placed)).isZero();
	}

	@Test
	void deadLettersRecordsThatCanNeverBecomeANotificationAndHandlesTheNextOne() {
		String orderId = anOrderId();
		UUID notJson = UUID.randomUUID();
		UUID unknownType = UUID.randomUUID();
		UUID noCustomer = UUID.randomUUID();
		try (OrderEvents events = new OrderEvents()) {
			events.sendRaw(orderId, notJson, "OrderConfirmed", "{\"orderId\": this is not json");
			events.sendRaw(orderId, unknownType, "OrderExploded", "{\"orderId\":\"" + orderId + "\"}");
			events.sendRaw(orderId, noCustomer, "OrderConfirmed",
					OrderEvents.golden(OrderConfirmed.class, orderId, " "));
			events.send(OrderCancelled.class, orderId, "c-dlt");

			await().atMost(WAIT).until(() -> this.notifications.countByOrder(orderId) == 1);
			assertThat(this.notifications.find(orderId, "OrderCancelled")).isPresent();

			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.deadLetters.list(OrderEvent.TOPIC)
					.stream()
					.filter((letter) -> orderId.equals(letter.key()))
					.map((letter) -> letter.headers().get("message-id")))
					.containsExactly(notJson.toString(), unknownType.toString(), noCustomer.toString()));
		}
	}

	private ConsumerRecord<String, Object> record(String key, OrderCancelled golden, Class<?> type, String orderId) {
		OrderCancelled event = new OrderCancelled(orderId, golden.owner(), "c-dup", golden.items(), golden.total(),
				golden.currency(), golden.status(), golden.reason(), golden.detail(), golden.placedAt(),
				golden.cancelledAt(), golden.version());
		RecordHeaders headers = new RecordHeaders();
		headers.add("message-id", OrderEvents.bytes(UUID.randomUUID().toString()));
		headers.add("message-type", OrderEvents.bytes(this.codec.encode(event).type()));
		return new ConsumerRecord<>(OrderEvent.TOPIC, 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, key, event, headers,
				java.util.Optional.empty());
	}

	static String anOrderId() {
		return UUID.randomUUID().toString();
	}

}
