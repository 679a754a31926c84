package io.orderflow.order.messaging;

import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import io.orderflow.order.application.MessageRef;
import io.orderflow.order.application.SagaReplies;
import io.orderflow.order.application.UnknownOrderException;
import io.orderflow.order.domain.OrderId;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What both listeners do with a reply once the inbox lets it through. */
final class Replies {

	static final String CONSUMER_GROUP = "order-service";

	private Replies() {
	}

	/**
	 * Hands {@code reply} to the saga of its order.
	 * @throws PermanentMessageFailure for a reply about no order of this service: it can
	 * never be processed, so it goes to the dead-letter topic instead of blocking its
	 * partition
	 */
	static void handle(SagaReplies replies, ConsumerRecord<String, ?> record, String orderId, Object reply) {
		OrderId id = OrderId.parse(orderId)
			.orElseThrow(() -> new PermanentMessageFailure("Not an order id: '" + orderId + "' in " + reply));
		Envelope envelope = Envelope.of(record.headers());
		try {
			replies.handle(id, reply, new MessageRef(envelope.messageType(), envelope.messageId()));
		}
		catch (UnknownOrderException ex) {
			throw new PermanentMessageFailure(ex.getMessage() + ": " + envelope.messageType() + " "
					+ envelope.messageId() + " cannot belong to any saga", ex);
		}
	}

}
