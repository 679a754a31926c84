package io.orderflow.inventory.application;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.inventory.domain.Product;
import io.orderflow.inventory.domain.ProductRepository;
import io.orderflow.inventory.domain.RequestedLine;
import io.orderflow.inventory.domain.Reservation;
import io.orderflow.inventory.domain.ReservationChange;
import io.orderflow.inventory.domain.ReservationLine;
import io.orderflow.inventory.domain.ReservationOutcome;
import io.orderflow.inventory.domain.ReservationRepository;
import io.orderflow.inventory.domain.ReservationStateException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The saga's commands to inventory: reserve, release and commit an order's stock, each
 * idempotent per order (saga.md). Each runs in one transaction, the inbox's when called
 * from a listener, so the reservation, the stock, the product announcements and the reply
 * commit together.
 * <p>
 * The order's reservation row is locked first, then its products in sku order: every
 * transaction takes its locks in that order, so none waits for another in a circle.
 * Reserving decides against the locked rows (check, then update) rather than with
 * conditional {@code UPDATE ... WHERE available >= ?} statements: the answer must name
 * every unknown or short product and price every line at one consistent moment, which one
 * locked read of all the products gives, and nothing needs undoing when a later line
 * fails.
 */
@Service
public class ReservationManagement {

	/** Answers to ReserveStock, tagged by outcome and whether it was a repeat. */
	static final String RESERVATIONS_METER = "orderflow.inventory.reservations";

	private final ReservationRepository reservations;

	private final ProductRepository products;

	private final ProductChanges changes;

	private final Clock clock;

	private final MeterRegistry meters;

	public ReservationManagement(ReservationRepository reservations, ProductRepository products, ProductChanges changes,
			Clock clock, MeterRegistry meters) {
		this.reservations = reservations;
		this.products = products;
		this.changes = changes;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Reserves every line or none for the order's first request; answers any later one
	 * (redelivered, repeated, after a release) with the stored outcome without touching
	 * stock. Two first requests for one order racing in two transactions: the second
	 * fails to insert the reservation, rolls back and, retried, gets the first's outcome.
	 * @throws IllegalArgumentException when the request is malformed (no lines, a
	 * quantity below one, a bad order id)
	 */
	@Transactional
	public ReservationOutcome reserve(String orderId, List<RequestedLine> lines) {
		Reservation.requireOrderId(orderId);
		Optional<Reservation> existing = this.reservations.lock(orderId);
		if (existing.isPresent()) {
			ReservationOutcome outcome = existing.get().outcome();
			countAfterCommit(outcome, true);
			return outcome;
		}
		Map<String, Product> locked = this.products.lockAll(lines.stream().map(RequestedLine::sku).toList());
		ReservationChange change = Reservation.attempt(orderId, lines, locked, InventoryClock.now(this.clock));
		this.reservations.insert(change.reservation());
		moveStock(change);
		ReservationOutcome outcome = change.reservation().outcome();
		countAfterCommit(outcome, false);
		return outcome;
	}

	/**
	 * Gives the order's held stock back. Holding nothing (released already, refused, or
	 * never asked for, in which case a tombstone now refuses a late ReserveStock) is not
	 * an error.
	 * @return the lines given back now; empty when nothing was held
	 * @throws ReservationStateException when the order's stock is sold
	 */
	@Transactional
	public List<ReservationLine> release(String orderId) {
		Reservation.requireOrderId(orderId);
		Optional<Reservation> existing = this.reservations.lock(orderId);
		if (existing.isEmpty()) {
			this.reservations.insert(Reservation.tombstone(orderId, InventoryClock.now(this.clock)));
			return List.of();
		}
		Reservation reservation = existing.get();
		ReservationChange change = reservation.release(lockHeld(reservation), InventoryClock.now(this.clock));
		apply(change);
		return change.movedLines();
	}

	/**
	 * Sells the order's held stock; repeatable once sold.
	 * @return the order's sold lines
	 * @throws ReservationStateException when the order holds no stock
	 */
	@Transactional
	public List<ReservationLine> commit(String orderId) {
		Reservation.requireOrderId(orderId);
		Reservation reservation = this.reservations.lock(orderId)
			.orElseThrow(() -> new ReservationStateException(
					"Order " + orderId + " has no reservation; there is nothing to commit"));
		ReservationChange change = reservation.commit(lockHeld(reservation), InventoryClock.now(this.clock));
		apply(change);
		return change.reservation().lines();
	}

	@Transactional(readOnly = true)
	public Optional<Reservation> find(String orderId) {
		return this.reservations.find(orderId);
	}

	private Map<String, Product> lockHeld(Reservation reservation) {
		return reservation.holdsStock() ? this.products.lockAll(reservation.skus()) : Map.of();
	}

	/** Stores a reservation's new status and the stock it moved, when it moved any. */
	private void apply(ReservationChange change) {
		if (!change.movedLines().isEmpty()) {
			this.reservations.update(change.reservation());
			moveStock(change);
		}
	}

	private void moveStock(ReservationChange change) {
		for (Product product : change.changedProducts()) {
			this.products.update(product);
			this.changes.changed(product);
		}
	}

	/** Counted once the answer is certain: a rolled back attempt answered nothing. */
	private void countAfterCommit(ReservationOutcome outcome, boolean repeated) {
		String tag = switch (outcome) {
			case ReservationOutcome.Reserved reserved -> "reserved";
			case ReservationOutcome.Refused refused -> refused.reason().name().toLowerCase(Locale.ROOT);
		};
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				ReservationManagement.this.meters
					.counter(RESERVATIONS_METER, "outcome", tag, "repeated", Boolean.toString(repeated))
					.increment();
			}

		});
	}

}
