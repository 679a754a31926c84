package io.orderflow.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.inventory.StockReservationFailed;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.inventory.application.ProductManagement;
import io.orderflow.inventory.application.ReservationManagement;
import io.orderflow.inventory.domain.Product;
import io.orderflow.inventory.domain.RequestedLine;
import io.orderflow.inventory.domain.ReservationOutcome;
import io.orderflow.inventory.support.Catalogue;
import io.orderflow.inventory.support.Commands;
import io.orderflow.inventory.support.InventoryIT;
import io.orderflow.inventory.support.TopicLog;
import io.orderflow.inventory.support.TopicLog.Received;
import io.orderflow.messaging.envelope.MessageCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.orderflow.inventory.support.Catalogue.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never oversell, never deadlock: many orders for the same products at once, through the
 * topic (its partitions are consumed in parallel) and straight into the use case from
 * many threads (as many concurrent transactions as the pool has connections).
 */
@InventoryIT
class ConcurrentReservationsIT {

	private static final int ORDERS = 50;

	private static final int IN_STOCK = 10;

	@Autowired
	private MessageCodec codec;

	@Autowired
	private ProductManagement products;

	@Autowired
	private ReservationManagement reservations;

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
	void reservesExactlyWhatIsAvailableWhenFiftyOrdersCompeteForTenUnitsThroughTheTopic() throws Exception {
		Product scarce = this.catalogue.aProduct("5.00", IN_STOCK);
		List<String> orders = IntStream.range(0, ORDERS).mapToObj((i) -> anOrderId()).toList();

		runConcurrently(orders.stream()
			.map((orderId) -> (Runnable) () -> this.commands
				.send(new ReserveStock(orderId, List.of(new StockLine(scarce.sku(), 1)))))
			.toList());

		List<Received> read = this.events.awaitAll((all) -> answered(all, orders).size() == ORDERS);
		List<Object> answers = answered(read, orders).stream().map(Received::message).toList();
		assertThat(answers).filteredOn(StockReserved.class::isInstance).hasSize(IN_STOCK);
		assertThat(answers).filteredOn(StockReservationFailed.class::isInstance)
			.hasSize(ORDERS - IN_STOCK)
			.allSatisfy((failed) -> assertThat(((StockReservationFailed) failed).reason()).isEqualTo("OUT_OF_STOCK"));
		Product after = this.catalogue.current(scarce);
		assertThat(List.of(after.available(), after.reserved(), after.sold())).containsExactly(0, IN_STOCK, 0);

		List<ProductChanged> changes = this.events.awaitKey(scarce.sku(), IN_STOCK + 1)
			.stream()
			.map((record) -> record.as(ProductChanged.class))
			.toList();
		assertThat(changes).extracting(ProductChanged::version)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, IN_STOCK + 1).mapToObj(Long::valueOf).toList());
		assertThat(changes).allSatisfy((change) -> {
			assertThat(change.available()).isNotNegative();
			assertThat(change.available() + change.reserved() + change.sold()).isEqualTo(IN_STOCK);
		});
	}

	@Test
	void reservesExactlyWhatIsAvailableWhenFiftyTransactionsCompeteAtOnce() throws Exception {
		Product scarce = this.catalogue.aProduct("5.00", IN_STOCK);

		List<ReservationOutcome> outcomes = callConcurrently(IntStream.range(0, ORDERS)
			.mapToObj((i) -> anOrderId())
			.map((orderId) -> (Callable<ReservationOutcome>) () -> this.reservations.reserve(orderId,
					List.of(new RequestedLine(scarce.sku(), 1))))
			.toList());

		assertThat(outcomes).filteredOn(ReservationOutcome.Reserved.class::isInstance).hasSize(IN_STOCK);
		Product after = this.catalogue.current(scarce);
		assertThat(List.of(after.available(), after.reserved(), after.sold(), (int) after.version())).containsExactly(0,
				IN_STOCK, 0, IN_STOCK + 1);
	}

	@Test
	void neverDeadlocksOrdersThatNameTheSameProductsInOppositeOrders() throws Exception {
		Product left = this.catalogue.aProduct("1.00", 1_000);
		Product right = this.catalogue.aProduct("2.00", 1_000);
		List<List<RequestedLine>> orders = IntStream.range(0, ORDERS)
			.mapToObj((i) -> (i % 2 == 0) ? List.of(new RequestedLine(left.sku(), 1), new RequestedLine(right.sku(), 2))
					: List.of(new RequestedLine(right.sku(), 2), new RequestedLine(left.sku(), 1)))
			.toList();

		List<ReservationOutcome> outcomes = callConcurrently(orders.stream()
			.map((lines) -> (Callable<ReservationOutcome>) () -> this.reservations.reserve(anOrderId(), lines))
			.toList());

		assertThat(outcomes)
			.allSatisfy((outcome) -> assertThat(outcome).isInstanceOf(ReservationOutcome.Reserved.class));
		assertThat(this.catalogue.current(left).reserved()).isEqualTo(ORDERS);
		assertThat(this.catalogue.current(right).reserved()).isEqualTo(2 * ORDERS);
	}

	@Test
	void reservesEveryOrderThatNamesTheSameProductsInOppositeOrdersThroughTheTopic() throws Exception {
		Product left = this.catalogue.aProduct("1.00", 1_000);
		Product right = this.catalogue.aProduct("2.00", 1_000);
		List<String> orders = IntStream.range(0, ORDERS).mapToObj((i) -> anOrderId()).toList();

		runConcurrently(IntStream.range(0, ORDERS)
			.mapToObj((i) -> (Runnable) () -> this.commands.send(new ReserveStock(orders.get(i),
					(i % 2 == 0) ? List.of(new StockLine(left.sku(), 1), new StockLine(right.sku(), 1))
							: List.of(new StockLine(right.sku(), 1), new StockLine(left.sku(), 1)))))
			.toList());

		List<Received> read = this.events.awaitAll((all) -> answered(all, orders).size() == ORDERS);
		assertThat(answered(read, orders))
			.allSatisfy((answer) -> assertThat(answer.message()).isInstanceOf(StockReserved.class));
		assertThat(this.catalogue.current(left).reserved()).isEqualTo(ORDERS);
		assertThat(this.catalogue.current(right).reserved()).isEqualTo(ORDERS);
	}

	private static List<Received> answered(List<Received> read, List<String> orders) {
		return read.stream().filter((record) -> orders.contains(record.key())).toList();
	}

	/** Runs the tasks on threads of their own, released together. */
	private static void runConcurrently(List<Runnable> tasks) throws Exception {
		callConcurrently(tasks.stream().map((task) -> (Callable<Void>) () -> {
			task.run();
			return null;
		}).toList());
	}

	private static <T> List<T> callConcurrently(List<Callable<T>> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> results = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Callable<T> task : tasks) {
				results.add(threads.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
		}
		List<T> values = new ArrayList<>();
		for (Future<T> result : results) {
			values.add(result.get());
		}
		return values;
	}

}
