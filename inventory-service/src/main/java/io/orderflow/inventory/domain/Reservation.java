package io.orderflow.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What inventory holds for one order, and the saga's rules for it:
 * <ul>
 * <li>an order's first ReserveStock is answered by {@link #attempt}: every line or none,
 * never more than is available;</li>
 * <li>every later ReserveStock is answered by the stored {@link #outcome()}, so a
 * redelivered or repeated command never reserves twice;</li>
 * <li>{@link #release} gives held stock back and is a no-op for anything not held; a
 * ReleaseStock before any ReserveStock leaves a {@link #tombstone} so the late
 * ReserveStock reserves nothing;</li>
 * <li>{@link #commit} sells held stock and is repeatable once sold.</li>
 * </ul>
 *
 * @param orderId the order, as the saga names it
 * @param status where the reservation stands
 * @param failureReason why it was refused; null unless {@code FAILED}
 * @param unavailableSkus the products at fault when {@code FAILED}
 * @param lines what is (or was) held, one line per sku; empty unless it was reserved
 * @param total the sum of the lines; null when there are none
 * @param currency the currency of the lines; null when there are none
 */
public record Reservation(String orderId, ReservationStatus status, ReservationFailure failureReason,
		List<String> unavailableSkus, List<ReservationLine> lines, BigDecimal total, String currency, Instant createdAt,
		Instant updatedAt) {

	/** What the {@code order_id} column holds. */
	public static final int MAX_ORDER_ID_LENGTH = 64;

	public Reservation {
		requireOrderId(orderId);
		Objects.requireNonNull(status, "status");
		unavailableSkus = List.copyOf(unavailableSkus);
		lines = List.copyOf(lines);
		if ((status == ReservationStatus.FAILED) != (failureReason != null)) {
			throw new IllegalArgumentException("A failure reason belongs to a failed reservation, and only there");
		}
		if (lines.isEmpty() != (total == null) || lines.isEmpty() != (currency == null)) {
			throw new IllegalArgumentException("Total and currency belong to reserved lines, and only there");
		}
		if (lines.isEmpty() && (status == ReservationStatus.RESERVED || status == ReservationStatus.COMMITTED)) {
			throw new IllegalArgumentException("A " + status + " reservation holds lines");
		}
	}

	/**
	 * An order's first request for stock, decided against {@code products}: the current
	 * state of every product the request names that exists, read under lock. Lines for
	 * the same sku are added up. Refused, in this order of precedence, when a sku names
	 * no product, when the products have different currencies, when any product has less
	 * available than asked.
	 * @param products the requested products that exist, by sku
	 */
	public static ReservationChange attempt(String orderId, List<RequestedLine> requested,
			Map<String, Product> products, Instant now) {
		requireOrderId(orderId);
		if (requested == null || requested.isEmpty()) {
			throw new IllegalArgumentException("Order " + orderId + " asks for no stock");
		}
		Map<String, Integer> quantities = sumBySku(requested);

		Set<String> unknown = new TreeSet<>(quantities.keySet());
		unknown.removeAll(products.keySet());
		if (!unknown.isEmpty()) {
			return refused(orderId, ReservationFailure.UNKNOWN_PRODUCT, unknown, now);
		}
		Set<String> currencies = new TreeSet<>();
		quantities.keySet().forEach((sku) -> currencies.add(products.get(sku).currency()));
		if (currencies.size() > 1) {
			return refused(orderId, ReservationFailure.MIXED_CURRENCY, quantities.keySet(), now);
		}
		Set<String> outOfStock = new TreeSet<>();
		quantities.forEach((sku, quantity) -> {
			if (!products.get(sku).canSupply(quantity)) {
				outOfStock.add(sku);
			}
		});
		if (!outOfStock.isEmpty()) {
			return refused(orderId, ReservationFailure.OUT_OF_STOCK, outOfStock, now);
		}

		List<ReservationLine> lines = new ArrayList<>();
		List<Product> changed = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO.setScale(2);
		for (Map.Entry<String, Integer> entry : quantities.entrySet()) {
			Product product = products.get(entry.getKey());
			ReservationLine line = new ReservationLine(product.sku(), product.name(), entry.getValue(),
					product.price());
			lines.add(line);
			total = total.add(line.amount());
			changed.add(product.reserve(line.quantity(), now));
		}
		Reservation reserved = new Reservation(orderId, ReservationStatus.RESERVED, null, List.of(), lines, total,
				currencies.iterator().next(), now, now);
		return new ReservationChange(reserved, changed, lines);
	}

	/**
	 * The record of an order released before it was ever reserved: it holds nothing and
	 * refuses any later request for stock.
	 */
	public static Reservation tombstone(String orderId, Instant now) {
		return new Reservation(orderId, ReservationStatus.RELEASED, null, List.of(), List.of(), null, null, now, now);
	}

	/** The answer to every ReserveStock for this order. */
	public ReservationOutcome outcome() {
		return switch (this.status) {
			case RESERVED, COMMITTED -> new ReservationOutcome.Reserved(this.lines, this.total, this.currency);
			case FAILED -> new ReservationOutcome.Refused(this.failureReason, this.unavailableSkus);
			case RELEASED -> new ReservationOutcome.Refused(ReservationFailure.ALREADY_RELEASED, List.of());
		};
	}

	/**
	 * Gives held stock back to {@code products}; changes nothing for a reservation that
	 * holds nothing (released, failed).
	 * @param products the current state of the reserved products, by sku, read under lock
	 * @throws ReservationStateException when the stock is sold: sold stock is never
	 * released
	 */
	public ReservationChange release(Map<String, Product> products, Instant now) {
		return switch (this.status) {
			case RESERVED -> {
				List<Product> changed = new ArrayList<>();
				for (ReservationLine line : this.lines) {
					changed.add(product(products, line.sku()).release(line.quantity(), now));
				}
				yield new ReservationChange(withStatus(ReservationStatus.RELEASED, now), changed, this.lines);
			}
			case RELEASED, FAILED -> ReservationChange.unchanged(this);
			case COMMITTED -> throw new ReservationStateException(
					"Order " + this.orderId + " has its stock committed (sold); it cannot be released");
		};
	}

	/**
	 * Sells held stock; changes nothing for a reservation already committed.
	 * @param products the current state of the reserved products, by sku, read under lock
	 * @throws ReservationStateException when nothing is held (released, failed): there is
	 * nothing to sell
	 */
	public ReservationChange commit(Map<String, Product> products, Instant now) {
		return switch (this.status) {
			case RESERVED -> {
				List<Product> changed = new ArrayList<>();
				for (ReservationLine line : this.lines) {
					changed.add(product(products, line.sku()).commit(line.quantity(), now));
				}
				yield new ReservationChange(withStatus(ReservationStatus.COMMITTED, now), changed, this.lines);
			}
			case COMMITTED -> ReservationChange.unchanged(this);
			case RELEASED, FAILED -> throw new ReservationStateException(
					"Order " + this.orderId + " holds no stock (" + this.status + "); there is nothing to commit");
		};
	}

	/** Whether stock is held for the order, which a release or commit then moves. */
	public boolean holdsStock() {
		return this.status == ReservationStatus.RESERVED;
	}

	/** The skus of the held lines, whose products a release or commit moves. */
	public List<String> skus() {
		return this.lines.stream().map(ReservationLine::sku).toList();
	}

	/**
	 * Checks an order id as it comes from a command.
	 * @throws IllegalArgumentException when it is blank or longer than inventory keeps
	 */
	public static void requireOrderId(String orderId) {
		if (orderId == null || orderId.isBlank() || orderId.length() > MAX_ORDER_ID_LENGTH) {
			throw new IllegalArgumentException(
					"An order id is 1 to " + MAX_ORDER_ID_LENGTH + " characters: '" + orderId + "'");
		}
	}

	private Reservation withStatus(ReservationStatus status, Instant now) {
		return new Reservation(this.orderId, status, this.failureReason, this.unavailableSkus, this.lines, this.total,
				this.currency, this.createdAt, now);
	}

	private static ReservationChange refused(String orderId, ReservationFailure reason, Collection<String> skus,
			Instant now) {
		Reservation failed = new Reservation(orderId, ReservationStatus.FAILED, reason,
				List.copyOf(new TreeSet<>(skus)), List.of(), null, null, now, now);
		return ReservationChange.unchanged(failed);
	}

	/** Quantities by sku in the order of first appearance. */
	private static Map<String, Integer> sumBySku(List<RequestedLine> requested) {
		Map<String, Integer> quantities = new LinkedHashMap<>();
		for (RequestedLine line : requested) {
			long sum = (long) quantities.getOrDefault(line.sku(), 0) + line.quantity();
			if (sum > Integer.MAX_VALUE) {
				throw new IllegalArgumentException("Quantity of " + line.sku() + " out of range: " + sum);
			}
			quantities.put(line.sku(), (int) sum);
		}
		return quantities;
	}

	private Product product(Map<String, Product> products, String sku) {
		Product product = products.get(sku);
		if (product == null) {
			throw new IllegalStateException("Order " + this.orderId + " holds " + sku + ", which no longer exists");
		}
		return product;
	}

}
