package io.orderflow.order.messaging;

import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.messaging.inbox.Inbox;
import io.orderflow.order.application.SagaReplies;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Payment's replies to the saga. */
@Component
class PaymentEventsListener {

	private final Inbox inbox;

	private final SagaReplies replies;

	PaymentEventsListener(Inbox inbox, SagaReplies replies) {
		this.inbox = inbox;
		this.replies = replies;
	}

	@KafkaListener(topics = PaymentEvent.TOPIC, groupId = Replies.CONSUMER_GROUP)
	void on(ConsumerRecord<String, PaymentEvent> record) {
		this.inbox.receive(record, (event) -> Replies.handle(this.replies, record, event.orderId(), event));
	}

}
