package io.orderflow.order.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The identity of an order, also the key of every saga message about it. */
public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	public static OrderId newId() {
		return new OrderId(UUID.randomUUID());
	}

	/** The order id written as {@code text}, or empty when it cannot be one. */
	public static Optional<OrderId> parse(String text) {
		if (text == null || text.length() != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(new OrderId(UUID.fromString(text)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
