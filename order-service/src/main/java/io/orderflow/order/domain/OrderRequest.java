package io.orderflow.order.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a client asks for when it places an order, already validated.
 * <p>
 * Its {@link #fingerprint()} tells a retry from a different request under the same
 * idempotency key. It is computed from the parsed request, so formatting, the order of
 * JSON members, unknown members and the order of the items (each sku appears once, so the
 * items are a set) do not matter; every value does.
 */
public record OrderRequest(String customerId, List<Item> items, String paymentToken) {

	public OrderRequest {
		Objects.requireNonNull(customerId, "customerId");
		Objects.requireNonNull(paymentToken, "paymentToken");
		items = List.copyOf(items);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("An order request has at least one item");
		}
		if (items.stream().map(Item::sku).distinct().count() != items.size()) {
			throw new IllegalArgumentException("An order request names each sku once");
		}
	}

	/** The unpriced lines of the order this request places, in the request's order. */
	public List<OrderLine> lines() {
		return this.items.stream().map((item) -> OrderLine.unpriced(item.sku(), item.quantity())).toList();
	}

	/** SHA-256 of the {@link #canonicalForm()}, in hex. */
	public String fingerprint() {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(canonicalForm().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * One line per value, items sorted by sku, every text prefixed by its length so that
	 * no two different requests can read alike (a sku ending in a digit next to a
	 * quantity, a separator inside a value).
	 */
	String canonicalForm() {
		StringBuilder canonical = new StringBuilder();
		canonical.append("customerId=").append(text(this.customerId)).append('\n');
		this.items.stream()
			.sorted(Comparator.comparing(Item::sku))
			.forEach((item) -> canonical.append("item=")
				.append(text(item.sku()))
				.append(" quantity=")
				.append(item.quantity())
				.append('\n'));
		canonical.append("paymentToken=").append(text(this.paymentToken)).append('\n');
		return canonical.toString();
	}

	private static String text(String value) {
		return value.length() + ":" + value;
	}

	/** A quantity of one product, by sku. */
	public record Item(String sku, int quantity) {

		public Item {
			Objects.requireNonNull(sku, "sku");
		}

	}

}
