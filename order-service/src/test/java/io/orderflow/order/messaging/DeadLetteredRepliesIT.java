package io.orderflow.order.messaging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.failure.DeadLetterPublishing;
import io.orderflow.order.support.Api;
import io.orderflow.order.support.OrderServiceIT;
import io.orderflow.order.support.ScriptedParticipants;
import io.orderflow.order.support.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.order.support.Api.orderBody;
import static io.orderflow.order.support.Flows.PATIENCE;
import static io.orderflow.order.support.Flows.awaitCommands;
import static io.orderflow.order.support.Flows.awaitOrder;
import static io.orderflow.order.support.Flows.count;
import static io.orderflow.order.support.Flows.key;
import static io.orderflow.order.support.Flows.sku;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies that can never be processed go to the dead-letter topic at once, and the
 * replies behind them on the same partition are still handled.
 */
@OrderServiceIT
class DeadLetteredRepliesIT {

	@LocalServerPort
	private int port;

	@Autowired
	private ScriptedParticipants participants;

	private Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@Test
	void deadLettersAMalformedAndAnUnknownReplyAndCompletesTheOrderBehindThem() {
		String orderId = this.api.placeOrder(key(), orderBody("c-dlt", "tok_silent", sku("CUP"), 1));
		awaitCommands(this.participants, orderId, (sent) -> count(sent, ChargePayment.class) == 1);

		this.participants.send(record(PaymentEvent.TOPIC, orderId, "PaymentCharged", "{\"orderId\": not json"));
		this.participants
			.send(record(PaymentEvent.TOPIC, orderId, "PaymentTeleported", "{\"orderId\":\"" + orderId + "\"}"));
		this.participants.publish(orderId, ScriptedParticipants.paymentCharged(orderId, new BigDecimal("10.00")));

		awaitOrder(this.api, orderId, "CONFIRMED");
		List<ConsumerRecord<String, byte[]>> deadLetters = TopicRecords.awaitMatching(
				DeadLetterPublishing.topicFor(PaymentEvent.TOPIC), PATIENCE, (record) -> orderId.equals(record.key()));
		assertThat(deadLetters).extracting((record) -> Envelope.text(record.headers(), Envelope.MESSAGE_TYPE))
			.containsExactlyInAnyOrder("PaymentCharged", "PaymentTeleported");
	}

	@Test
	void deadLettersAReplyAboutAnOrderThatDoesNotExist() {
		String nobody = UUID.randomUUID().toString();

		this.participants.publish(nobody, new StockReserved(nobody, List.of(), BigDecimal.ZERO, "EUR"));

		assertThat(TopicRecords.awaitMatching(DeadLetterPublishing.topicFor(InventoryEvent.TOPIC), PATIENCE,
				(record) -> nobody.equals(record.key())))
			.singleElement()
			.satisfies((record) -> assertThat(Envelope.text(record.headers(), Envelope.MESSAGE_TYPE))
				.isEqualTo("StockReserved"));
	}

	private static ProducerRecord<String, byte[]> record(String topic, String key, String type, String payload) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, bytes(UUID.randomUUID().toString()));
		headers.add(Envelope.MESSAGE_TYPE, bytes(type));
		headers.add(Envelope.OCCURRED_AT, bytes(Instant.now().toString()));
		return new ProducerRecord<>(topic, null, key, bytes(payload), headers);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
