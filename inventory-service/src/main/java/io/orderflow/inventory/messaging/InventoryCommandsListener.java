package io.orderflow.inventory.messaging;

import java.util.List;
import java.util.Objects;

import io.orderflow.contract.inventory.CommitStock;
import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.PricedLine;
import io.orderflow.contract.inventory.ReleaseStock;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockCommitted;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.inventory.StockReleased;
import io.orderflow.contract.inventory.StockReservationFailed;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.inventory.application.ReservationManagement;
import io.orderflow.inventory.domain.RequestedLine;
import io.orderflow.inventory.domain.Reservation;
import io.orderflow.inventory.domain.ReservationLine;
import io.orderflow.inventory.domain.ReservationOutcome;
import io.orderflow.inventory.domain.ReservationStateException;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import io.orderflow.messaging.inbox.Inbox;
import io.orderflow.messaging.outbox.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Executes the saga's commands, each once per message id (the inbox) and idempotently per
 * order (the use cases), and answers each on {@code inventory.events} keyed by order id,
 * in the same transaction. Commands that can never succeed (malformed, or against the
 * reservation's state) are dead-lettered at once.
 */
@Component
class InventoryCommandsListener {

	private final Inbox inbox;

	private final Outbox outbox;

	private final ReservationManagement reservations;

	InventoryCommandsListener(Inbox inbox, Outbox outbox, ReservationManagement reservations) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.reservations = reservations;
	}

	@KafkaListener(topics = InventoryCommand.TOPIC, groupId = "inventory-service")
	void on(ConsumerRecord<String, Object> record) {
		// Every registered type deserializes, inventory's own events included; only
		// commands belong here.
		if (!(record.value() instanceof InventoryCommand)) {
			throw new PermanentMessageFailure("Not an inventory command: " + record.value().getClass().getSimpleName());
		}
		this.inbox.receive(record, (message) -> {
			switch ((InventoryCommand) message) {
				case ReserveStock reserve -> on(reserve);
				case ReleaseStock release -> on(release);
				case CommitStock commit -> on(commit);
			}
		});
	}

	private void on(ReserveStock command) {
		ReservationOutcome outcome = this.reservations.reserve(command.orderId(), requestedLines(command));
		reply(command, switch (outcome) {
			case ReservationOutcome.Reserved reserved -> new StockReserved(command.orderId(),
					reserved.lines().stream().map(InventoryCommandsListener::pricedLine).toList(), reserved.total(),
					reserved.currency());
			case ReservationOutcome.Refused refused ->
				new StockReservationFailed(command.orderId(), refused.reason().name(), refused.skus());
		});
	}

	private void on(ReleaseStock command) {
		requireOrderId(command);
		try {
			reply(command,
					new StockReleased(command.orderId(), stockLines(this.reservations.release(command.orderId()))));
		}
		catch (ReservationStateException ex) {
			throw new PermanentMessageFailure(ex.getMessage(), ex);
		}
	}

	private void on(CommitStock command) {
		requireOrderId(command);
		try {
			reply(command,
					new StockCommitted(command.orderId(), stockLines(this.reservations.commit(command.orderId()))));
		}
		catch (ReservationStateException ex) {
			throw new PermanentMessageFailure(ex.getMessage(), ex);
		}
	}

	private void reply(InventoryCommand command, InventoryEvent reply) {
		this.outbox.send(InventoryEvent.TOPIC, command.orderId(), reply);
	}

	private static List<RequestedLine> requestedLines(ReserveStock command) {
		requireOrderId(command);
		if (command.lines() == null || command.lines().isEmpty()
				|| command.lines().stream().anyMatch(Objects::isNull)) {
			throw new PermanentMessageFailure(
					"ReserveStock for order " + command.orderId() + " has no lines, or null ones");
		}
		try {
			return command.lines().stream().map((line) -> new RequestedLine(line.sku(), line.quantity())).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new PermanentMessageFailure(
					"ReserveStock for order " + command.orderId() + " has an invalid line: " + ex.getMessage(), ex);
		}
	}

	private static void requireOrderId(InventoryCommand command) {
		try {
			Reservation.requireOrderId(command.orderId());
		}
		catch (IllegalArgumentException ex) {
			throw new PermanentMessageFailure(command.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
	}

	private static PricedLine pricedLine(ReservationLine line) {
		return new PricedLine(line.sku(), line.name(), line.quantity(), line.unitPrice());
	}

	private static List<StockLine> stockLines(List<ReservationLine> lines) {
		return lines.stream().map((line) -> new StockLine(line.sku(), line.quantity())).toList();
	}

}
