package io.orderflow.inventory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.inventory.application.ProductManagement;
import io.orderflow.inventory.domain.Product;
import io.orderflow.inventory.support.Catalogue;
import io.orderflow.inventory.support.Commands;
import io.orderflow.inventory.support.InventoryIT;
import io.orderflow.inventory.support.TopicLog;
import io.orderflow.inventory.support.TopicLog.Received;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.InvalidPayloadException;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.envelope.UnknownMessageTypeException;
import io.orderflow.messaging.failure.DeadLetterPublishing;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

import static io.orderflow.inventory.support.Catalogue.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records on {@code inventory.commands} that can never be executed go to
 * {@code inventory.commands-dlt} at once, and the commands behind them on the same
 * partition are executed as if nothing happened.
 */
@InventoryIT
class CommandDeadLettersIT {

	private static final String DEAD_LETTERS = DeadLetterPublishing.topicFor(InventoryCommand.TOPIC);

	@Autowired
	private MessageCodec codec;

	@Autowired
	private ProductManagement products;

	@Test
	void deadLettersUnreadableUnknownAndInvalidCommandsAndExecutesTheNextOne() {
		Product cup = new Catalogue(this.products).aProduct("4.00", 5);
		String orderId = anOrderId();
		UUID notJson = UUID.randomUUID();
		UUID unknownType = UUID.randomUUID();
		UUID notACommand = UUID.randomUUID();
		UUID noLines = UUID.randomUUID();

		try (Commands commands = new Commands(this.codec);
				TopicLog events = TopicLog.of(InventoryEvent.TOPIC, this.codec);
				TopicLog deadLetters = TopicLog.raw(DEAD_LETTERS)) {
			commands.sendRaw(orderId, notJson, "ReserveStock", "{\"orderId\": this is not json");
			commands.sendRaw(orderId, unknownType, "ExplodeStock", "{\"orderId\":\"" + orderId + "\"}");
			commands.sendRaw(orderId, notACommand, "StockReleased", "{\"orderId\":\"" + orderId + "\",\"lines\":[]}");
			commands.sendRaw(orderId, noLines, "ReserveStock", "{\"orderId\":\"" + orderId + "\",\"lines\":[]}");
			commands.send(new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 1))));

			assertThat(events.awaitKey(orderId, 1)).singleElement()
				.satisfies((answer) -> assertThat(answer.message()).isInstanceOf(StockReserved.class));

			List<Received> dead = deadLetters.awaitKey(orderId, 4);
			assertThat(dead).extracting((record) -> record.envelope().messageId())
				.containsExactly(notJson, unknownType, notACommand, noLines);
			assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
				.isEqualTo("{\"orderId\": this is not json");
			assertThat(stackTrace(dead.get(0))).contains(InvalidPayloadException.class.getName());
			assertThat(stackTrace(dead.get(1))).contains(UnknownMessageTypeException.class.getName());
			assertThat(header(dead.get(2), KafkaHeaders.DLT_EXCEPTION_FQCN))
				.isEqualTo(PermanentMessageFailure.class.getName());
			assertThat(header(dead.get(3), KafkaHeaders.DLT_EXCEPTION_FQCN))
				.isEqualTo(PermanentMessageFailure.class.getName());
			assertThat(dead).allSatisfy((record) -> assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))
				.isEqualTo(InventoryCommand.TOPIC));
		}
	}

	private static String stackTrace(Received record) {
		return header(record, KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
	}

	private static String header(Received record, String name) {
		return Envelope.text(record.headers(), name);
	}

}
