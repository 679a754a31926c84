package io.orderflow.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An order: PENDING while the saga runs, priced by inventory on the way, then CONFIRMED
 * or CANCELLED for good.
 * <p>
 * Immutable: each transition returns the order after it, one version later, so what the
 * saga publishes about a change carries the version the database will hold (the
 * persistence adapter checks that it does).
 *
 * @param owner the API client that placed the order (its token's subject): only it, and
 * operators, may read the order
 * @param total null until priced
 * @param currency null until priced
 * @param cancellationReason null unless CANCELLED
 * @param cancellationDetail what the reason alone does not say (the unavailable skus, the
 * decline code), or null
 * @param version 0 when placed, one more per transition
 */
public record Order(OrderId id, String owner, String customerId, List<OrderLine> lines, OrderStatus status,
		String cancellationReason, String cancellationDetail, BigDecimal total, String currency, Instant createdAt,
		Instant updatedAt, long version) {

	public Order {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(createdAt, "createdAt");
		Objects.requireNonNull(updatedAt, "updatedAt");
		if (owner.isBlank()) {
			throw new IllegalArgumentException("An order has an owner");
		}
		lines = List.copyOf(lines);
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("An order has at least one line");
		}
		Set<String> skus = new HashSet<>();
		for (OrderLine line : lines) {
			if (!skus.add(line.sku())) {
				throw new IllegalArgumentException("Sku " + line.sku() + " is on two lines");
			}
		}
		boolean priced = lines.stream().allMatch(OrderLine::isPriced);
		if (!priced && lines.stream().anyMatch(OrderLine::isPriced)) {
			throw new IllegalArgumentException("An order is priced all at once");
		}
		if (priced != (total != null) || (total != null) != (currency != null)) {
			throw new IllegalArgumentException("A priced order has a total and a currency, an unpriced one neither");
		}
		if (status == OrderStatus.CONFIRMED && !priced) {
			throw new IllegalArgumentException("Only a priced order can be confirmed");
		}
		if ((status == OrderStatus.CANCELLED) != (cancellationReason != null)) {
			throw new IllegalArgumentException("A cancelled order, and only a cancelled one, has a reason");
		}
	}

	/** A new order, not yet priced, placed by the API client {@code owner}. */
	public static Order place(OrderId id, String owner, String customerId, List<OrderLine> lines, Instant at) {
		if (lines.stream().anyMatch(OrderLine::isPriced)) {
			throw new IllegalArgumentException("Inventory prices an order, not its customer");
		}
		return new Order(id, owner, customerId, lines, OrderStatus.PENDING, null, null, null, null, at, at, 0);
	}

	public boolean isPriced() {
		return this.total != null;
	}

	/**
	 * The order with the names and prices inventory reserved it at.
	 * @param pricedLines one per line of the order, with the same quantity
	 * @throws IllegalStateException unless the order is pending and not priced yet
	 * @throws IllegalArgumentException when the priced lines are not this order's lines
	 */
	public Order price(List<OrderLine> pricedLines, BigDecimal total, String currency, Instant at) {
		requireStatus(OrderStatus.PENDING, "price");
		if (isPriced()) {
			throw new IllegalStateException("Order " + this.id + " is priced already");
		}
		Map<String, OrderLine> bySku = pricedLines.stream()
			.collect(Collectors.toMap(OrderLine::sku, Function.identity(), (first, second) -> {
				throw new IllegalArgumentException("Sku " + first.sku() + " is priced twice");
			}));
		if (!bySku.keySet().equals(this.lines.stream().map(OrderLine::sku).collect(Collectors.toSet()))) {
			throw new IllegalArgumentException(
					"Priced skus " + bySku.keySet() + " are not the skus of order " + this.id);
		}
		List<OrderLine> priced = this.lines.stream().map((line) -> {
			OrderLine price = bySku.get(line.sku());
			if (price.quantity() != line.quantity()) {
				throw new IllegalArgumentException(
						"Sku " + line.sku() + " priced for " + price.quantity() + " instead of " + line.quantity());
			}
			return line.priced(price.name(), price.unitPrice());
		}).toList();
		return new Order(this.id, this.owner, this.customerId, priced, this.status, null, null,
				Money.amount(Objects.requireNonNull(total, "total")), Objects.requireNonNull(currency, "currency"),
				this.createdAt, at, this.version + 1);
	}

	/**
	 * The order confirmed: stock reserved and payment charged.
	 * @throws IllegalStateException unless the order is pending
	 */
	public Order confirm(Instant at) {
		requireStatus(OrderStatus.PENDING, "confirm");
		return new Order(this.id, this.owner, this.customerId, this.lines, OrderStatus.CONFIRMED, null, null,
				this.total, this.currency, this.createdAt, at, this.version + 1);
	}

	/**
	 * The order cancelled.
	 * @param reason a code such as {@code OUT_OF_STOCK} or {@code TIMEOUT}
	 * @param detail more about the reason, or null
	 * @throws IllegalStateException unless the order is pending
	 */
	public Order cancel(String reason, String detail, Instant at) {
		requireStatus(OrderStatus.PENDING, "cancel");
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("A cancellation has a reason");
		}
		return new Order(this.id, this.owner, this.customerId, this.lines, OrderStatus.CANCELLED, reason, detail,
				this.total, this.currency, this.createdAt, at, this.version + 1);
	}

	private void requireStatus(OrderStatus required, String transition) {
		if (this.status != required) {
			throw new IllegalStateException(
					"Cannot " + transition + " order " + this.id + ": it is " + this.status + ", not " + required);
		}
	}

}
