package io.orderflow.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.contract.inventory.CommitStock;
import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.PricedLine;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.contract.inventory.ReleaseStock;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockCommitted;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.inventory.StockReleased;
import io.orderflow.contract.inventory.StockReservationFailed;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.inventory.application.ProductManagement;
import io.orderflow.inventory.application.ReservationManagement;
import io.orderflow.inventory.domain.Product;
import io.orderflow.inventory.domain.ReservationStatus;
import io.orderflow.inventory.support.Catalogue;
import io.orderflow.inventory.support.Commands;
import io.orderflow.inventory.support.InventoryIT;
import io.orderflow.inventory.support.TopicLog;
import io.orderflow.inventory.support.TopicLog.Received;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.failure.DeadLetterPublishing;
import io.orderflow.messaging.failure.PermanentMessageFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

import static io.orderflow.inventory.support.Catalogue.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The saga's commands through the real {@code inventory.commands} topic, the answers read
 * from {@code inventory.events} as order-service reads them (saga.md, participant rules).
 */
@InventoryIT
class ReserveStockFlowIT {

	@Autowired
	private MessageCodec codec;

	@Autowired
	private ProductManagement products;

	@Autowired
	private ReservationManagement reservations;

	@Autowired
	private MeterRegistry meters;

	private Catalogue catalogue;

	private Commands commands;

	private TopicLog events;

	@BeforeEach
	void connect() {
		this.catalogue = new Catalogue(this.products);
		this.commands = new Commands(this.codec);
		this.events = TopicLog.of(InventoryEvent.TOPIC, this.codec);
	}

	@AfterEach
	void disconnect() {
		this.commands.close();
		this.events.close();
	}

	@Test
	void reservesEveryLineAtTheCurrentPricesOrNothing() {
		Product cup = this.catalogue.aProduct("12.50", 5);
		Product jug = this.catalogue.aProduct("19.99", 2);
		String reservedOrder = anOrderId();
		String refusedOrder = anOrderId();

		this.commands
			.send(new ReserveStock(reservedOrder, List.of(new StockLine(cup.sku(), 2), new StockLine(jug.sku(), 1))));
		InventoryEvent reserved = answer(reservedOrder);
		// Another key, another partition: sent once the first is answered, to come
		// second.
		this.commands
			.send(new ReserveStock(refusedOrder, List.of(new StockLine(cup.sku(), 1), new StockLine(jug.sku(), 2))));

		assertThat(reserved).isEqualTo(new StockReserved(reservedOrder,
				List.of(new PricedLine(cup.sku(), cup.name(), 2, new BigDecimal("12.50")),
						new PricedLine(jug.sku(), jug.name(), 1, new BigDecimal("19.99"))),
				new BigDecimal("44.99"), "EUR"));
		assertThat(answer(refusedOrder))
			.isEqualTo(new StockReservationFailed(refusedOrder, "OUT_OF_STOCK", List.of(jug.sku())));
		assertThat(stock(cup)).containsExactly(3, 2, 0);
		assertThat(stock(jug)).containsExactly(1, 1, 0);
		assertThat(this.reservations.find(reservedOrder).orElseThrow().status()).isEqualTo(ReservationStatus.RESERVED);
		assertThat(this.reservations.find(refusedOrder).orElseThrow().status()).isEqualTo(ReservationStatus.FAILED);
	}

	@Test
	void answersEveryReplyOnTheOrdersKeyCausedByTheCommand() {
		Product cup = this.catalogue.aProduct("1.00", 5);
		String orderId = anOrderId();

		UUID command = this.commands.send(new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 1))));

		Envelope reply = this.events.awaitKey(orderId, 1).getFirst().envelope();
		assertThat(reply.messageType()).isEqualTo("StockReserved");
		assertThat(reply.causationId()).isEqualTo(command.toString());
		assertThat(reply.correlationId()).isEqualTo(orderId);
	}

	@Test
	void refusesUnknownProductsReservingNothing() {
		Product cup = this.catalogue.aProduct("12.50", 5);
		String unknown = Catalogue.uniqueSku();
		String orderId = anOrderId();

		this.commands.send(new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 1), new StockLine(unknown, 1))));

		assertThat(answer(orderId)).isEqualTo(new StockReservationFailed(orderId, "UNKNOWN_PRODUCT", List.of(unknown)));
		assertThat(stock(cup)).containsExactly(5, 0, 0);
	}

	@Test
	void refusesProductsInDifferentCurrenciesAsMixedCurrency() {
		Product euros = this.catalogue.aProduct("12.50", "EUR", 5);
		Product dollars = this.catalogue.aProduct("9.00", "USD", 5);
		String orderId = anOrderId();

		this.commands
			.send(new ReserveStock(orderId, List.of(new StockLine(euros.sku(), 1), new StockLine(dollars.sku(), 1))));

		StockReservationFailed failed = (StockReservationFailed) answer(orderId);
		assertThat(failed.reason()).isEqualTo("MIXED_CURRENCY");
		assertThat(failed.unavailableSkus()).containsExactlyInAnyOrder(euros.sku(), dollars.sku());
		assertThat(stock(euros)).containsExactly(5, 0, 0);
	}

	@Test
	void addsUpDuplicateSkusOfOneCommand() {
		Product cup = this.catalogue.aProduct("2.00", 5);
		String orderId = anOrderId();

		this.commands
			.send(new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 2), new StockLine(cup.sku(), 3))));

		assertThat(answer(orderId)).isEqualTo(
				new StockReserved(orderId, List.of(new PricedLine(cup.sku(), cup.name(), 5, new BigDecimal("2.00"))),
						new BigDecimal("10.00"), "EUR"));
		assertThat(stock(cup)).containsExactly(0, 5, 0);
	}

	@Test
	void reservesOnceForARedeliveredOrRepeatedCommandAndAnswersTheSame() {
		Product cup = this.catalogue.aProduct("3.00", 10);
		String orderId = anOrderId();
		ReserveStock command = new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 4)));
		double repeatsBefore = reservationsCounted("reserved", true);
		UUID first = UUID.randomUUID();

		this.commands.send(command, first);
		this.commands.send(command, first);
		UUID repeated = this.commands.send(command);

		List<Received> answers = this.events.awaitKey(orderId,
				(read) -> read.stream().anyMatch((answer) -> causedBy(answer, repeated)));
		assertThat(answers).extracting((answer) -> answer.envelope().causationId())
			.containsExactly(first.toString(), repeated.toString());
		assertThat(answers.get(1).message()).isEqualTo(answers.get(0).message()).isInstanceOf(StockReserved.class);
		assertThat(stock(cup)).containsExactly(6, 4, 0);
		await().untilAsserted(() -> assertThat(reservationsCounted("reserved", true) - repeatsBefore).isEqualTo(1));
	}

	@Test
	void releaseGivesTheStockBackOnceAndAnswersNothingReleasedAfterwards() {
		Product cup = this.catalogue.aProduct("3.00", 10);
		String orderId = anOrderId();
		this.commands.send(new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 3))));
		this.events.awaitKey(orderId, 1);

		this.commands.send(new ReleaseStock(orderId, "PAYMENT_DECLINED"));
		this.commands.send(new ReleaseStock(orderId, "TIMEOUT"));

		List<InventoryEvent> answers = answers(orderId, 3);
		assertThat(answers.subList(1, 3)).containsExactly(
				new StockReleased(orderId, List.of(new StockLine(cup.sku(), 3))),
				new StockReleased(orderId, List.of()));
		assertThat(stock(cup)).containsExactly(10, 0, 0);
		assertThat(this.reservations.find(orderId).orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
	}

	@Test
	void releaseBeforeReserveLeavesATombstoneThatRefusesTheLateReserve() {
		Product cup = this.catalogue.aProduct("3.00", 10);
		String orderId = anOrderId();

		this.commands.send(new ReleaseStock(orderId, "TIMEOUT"));
		this.commands.send(new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 1))));

		assertThat(answers(orderId, 2)).containsExactly(new StockReleased(orderId, List.of()),
				new StockReservationFailed(orderId, "ALREADY_RELEASED", List.of()));
		assertThat(stock(cup)).containsExactly(10, 0, 0);
		assertThat(this.catalogue.current(cup).version()).isEqualTo(1);
		assertThat(this.reservations.find(orderId).orElseThrow().status()).isEqualTo(ReservationStatus.RELEASED);
	}

	@Test
	void commitSellsTheReservedStockAndAnswersTheSameWhenRepeated() {
		Product cup = this.catalogue.aProduct("3.00", 10);
		String orderId = anOrderId();
		this.commands.send(new ReserveStock(orderId, List.of(new StockLine(cup.sku(), 2))));

		this.commands.send(new CommitStock(orderId));
		this.commands.send(new CommitStock(orderId));

		List<InventoryEvent> answers = answers(orderId, 3);
		StockCommitted committed = new StockCommitted(orderId, List.of(new StockLine(cup.sku(), 2)));
		assertThat(answers.subList(1, 3)).containsExactly(committed, committed);
		assertThat(stock(cup)).containsExactly(8, 0, 2);
		assertThat(this.reservations.find(orderId).orElseThrow().status()).isEqualTo(ReservationStatus.COMMITTED);
	}

	@Test
	void deadLettersAReleaseOfSoldStockAndACommitOfNothing() {
		Product cup = this.catalogue.aProduct("3.00", 10);
		String soldOrder = anOrderId();
		String unknownOrder = anOrderId();
		this.commands.send(new ReserveStock(soldOrder, List.of(new StockLine(cup.sku(), 2))));
		this.commands.send(new CommitStock(soldOrder));
		this.events.awaitKey(soldOrder, 2);

		UUID release = this.commands.send(new ReleaseStock(soldOrder, "TIMEOUT"));
		UUID commit = this.commands.send(new CommitStock(unknownOrder));

		try (TopicLog deadLetters = TopicLog.raw(DeadLetterPublishing.topicFor(InventoryCommand.TOPIC))) {
			List<Received> dead = deadLetters.awaitAll((read) -> read.stream().anyMatch((r) -> causedBy(r, release))
					&& read.stream().anyMatch((r) -> causedBy(r, commit)));
			assertThat(dead).filteredOn((r) -> causedBy(r, release) || causedBy(r, commit))
				.extracting((r) -> Envelope.text(r.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN))
				.containsOnly(PermanentMessageFailure.class.getName());
		}
		assertThat(stock(cup)).containsExactly(8, 0, 2);
		assertThat(this.reservations.find(soldOrder).orElseThrow().status()).isEqualTo(ReservationStatus.COMMITTED);
		assertThat(this.reservations.find(unknownOrder)).isEmpty();
	}

	@Test
	void announcesEveryChangeOfAProductWithIncreasingVersions() {
		Product product = this.catalogue.aProduct("10.00", 5);
		this.products.setAvailable(product.sku(), 8);
		this.products.changePrice(product.sku(), new BigDecimal("11.00"), "EUR");
		String released = anOrderId();
		String sold = anOrderId();
		// Two orders land on different partitions, consumed in parallel: one step at a
		// time, so the expected states are known.
		this.commands.send(new ReserveStock(released, List.of(new StockLine(product.sku(), 2))));
		this.events.awaitKey(released, 1);
		this.commands.send(new ReleaseStock(released, "PAYMENT_DECLINED"));
		this.events.awaitKey(released, 2);
		this.commands.send(new ReserveStock(sold, List.of(new StockLine(product.sku(), 1))));
		this.events.awaitKey(sold, 1);
		this.commands.send(new CommitStock(sold));
		this.events.awaitKey(sold, 2);

		List<ProductChanged> changes = this.events.awaitKey(product.sku(), 7)
			.stream()
			.map((record) -> record.as(ProductChanged.class))
			.toList();

		assertThat(changes).extracting(ProductChanged::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		assertThat(changes).extracting(ProductChanged::available, ProductChanged::reserved, ProductChanged::sold)
			.containsExactly(tuple(5, 0, 0), tuple(8, 0, 0), tuple(8, 0, 0), tuple(6, 2, 0), tuple(8, 0, 0),
					tuple(7, 1, 0), tuple(7, 0, 1));
		assertThat(changes.get(2).price()).isEqualTo(new BigDecimal("11.00"));
		Product current = this.catalogue.current(product);
		assertThat(changes.getLast()).isEqualTo(new ProductChanged(current.sku(), current.name(), current.description(),
				current.category(), current.price(), current.currency(), current.available(), current.reserved(),
				current.sold(), current.updatedAt(), current.version()));
	}

	private InventoryEvent answer(String orderId) {
		return answers(orderId, 1).getFirst();
	}

	private List<InventoryEvent> answers(String orderId, int count) {
		return this.events.awaitKey(orderId, count).stream().map((record) -> record.as(InventoryEvent.class)).toList();
	}

	/** Available, reserved and sold now. */
	private List<Integer> stock(Product product) {
		Product current = this.catalogue.current(product);
		return List.of(current.available(), current.reserved(), current.sold());
	}

	private static boolean causedBy(Received record, UUID messageId) {
		return messageId.toString().equals(record.envelope().causationId())
				|| messageId.equals(record.envelope().messageId());
	}

	private double reservationsCounted(String outcome, boolean repeated) {
		Counter counter = this.meters.find("orderflow.inventory.reservations")
			.tags("outcome", outcome, "repeated", Boolean.toString(repeated))
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
