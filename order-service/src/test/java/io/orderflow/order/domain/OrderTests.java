package io.orderflow.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class OrderTests {

	private static final Instant PLACED = Instant.parse("2026-11-21T10:15:30Z");

	private static final Instant LATER = PLACED.plusSeconds(1);

	@Test
	void isPlacedPendingUnpricedAtVersionZero() {
		Order order = anOrder();

		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(order.isPriced()).isFalse();
		assertThat(order.total()).isNull();
		assertThat(order.version()).isZero();
		assertThat(order.createdAt()).isEqualTo(order.updatedAt()).isEqualTo(PLACED);
	}

	@Test
	void takesNamesAndPricesFromInventoryInItsOwnLineOrder() {
		Order priced = anOrder().price(List.of(priced("SKU-2", "Saucer", 1, "4.5"), priced("SKU-1", "Cup", 2, "12.50")),
				new BigDecimal("29.5"), "EUR", LATER);

		assertThat(priced.lines()).extracting(OrderLine::sku, OrderLine::name, OrderLine::unitPrice)
			.containsExactly(tuple("SKU-1", "Cup", new BigDecimal("12.50")),
					tuple("SKU-2", "Saucer", new BigDecimal("4.50")));
		assertThat(priced.total()).isEqualTo(new BigDecimal("29.50"));
		assertThat(priced.currency()).isEqualTo("EUR");
		assertThat(priced.version()).isOne();
		assertThat(priced.updatedAt()).isEqualTo(LATER);
		assertThat(priced.createdAt()).isEqualTo(PLACED);
	}

	@Test
	void refusesPricesForOtherLines() {
		assertThatIllegalArgumentException().isThrownBy(() -> anOrder()
			.price(List.of(priced("SKU-1", "Cup", 2, "12.50")), new BigDecimal("25.00"), "EUR", LATER));
		assertThatIllegalArgumentException().isThrownBy(
				() -> anOrder().price(List.of(priced("SKU-1", "Cup", 3, "12.50"), priced("SKU-2", "Saucer", 1, "4.50")),
						new BigDecimal("42.00"), "EUR", LATER));
	}

	@Test
	void isPricedOnce() {
		Order priced = aPricedOrder();

		assertThatIllegalStateException().isThrownBy(
				() -> priced.price(List.of(priced("SKU-1", "Cup", 2, "1.00"), priced("SKU-2", "Saucer", 1, "1.00")),
						BigDecimal.TEN, "EUR", LATER));
	}

	@Test
	void confirmsAPricedPendingOrder() {
		Order confirmed = aPricedOrder().confirm(LATER.plusSeconds(1));

		assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(confirmed.version()).isEqualTo(2);
		assertThat(confirmed.total()).isEqualTo(new BigDecimal("29.50"));
	}

	@Test
	void cannotConfirmAnUnpricedOrder() {
		assertThatIllegalArgumentException().isThrownBy(() -> anOrder().confirm(LATER));
	}

	@Test
	void cancelsWithAReasonAndKeepsWhatIsKnown() {
		Order cancelled = aPricedOrder().cancel("PAYMENT_DECLINED", "CARD_DECLINED: card_declined", LATER);

		assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(cancelled.cancellationReason()).isEqualTo("PAYMENT_DECLINED");
		assertThat(cancelled.cancellationDetail()).isEqualTo("CARD_DECLINED: card_declined");
		assertThat(cancelled.total()).isEqualTo(new BigDecimal("29.50"));
	}

	@Test
	void cancelsAnUnpricedOrderWithoutATotal() {
		Order cancelled = anOrder().cancel("OUT_OF_STOCK", null, LATER);

		assertThat(cancelled.total()).isNull();
		assertThat(cancelled.version()).isOne();
	}

	@Test
	void finalStatesAreFinal() {
		Order confirmed = aPricedOrder().confirm(LATER);
		Order cancelled = anOrder().cancel("TIMEOUT", null, LATER);

		assertThatIllegalStateException().isThrownBy(() -> confirmed.cancel("TIMEOUT", null, LATER));
		assertThatIllegalStateException().isThrownBy(() -> cancelled.cancel("TIMEOUT", null, LATER));
		assertThatIllegalStateException().isThrownBy(() -> cancelled.confirm(LATER));
		assertThatIllegalStateException().isThrownBy(() -> confirmed.confirm(LATER));
	}

	@Test
	void needsAReasonToCancel() {
		assertThatIllegalArgumentException().isThrownBy(() -> anOrder().cancel(" ", null, LATER));
	}

	@Test
	void namesEachSkuOnOneLine() {
		assertThatIllegalArgumentException().isThrownBy(() -> Order.place(OrderId.newId(), "demo-client", "c-1",
				List.of(OrderLine.unpriced("SKU-1", 1), OrderLine.unpriced("SKU-1", 2)), PLACED));
	}

	@Test
	void readsOnlyWellFormedIds() {
		UUID id = UUID.randomUUID();

		assertThat(OrderId.parse(id.toString())).contains(new OrderId(id));
		assertThat(OrderId.parse("not-an-id")).isEmpty();
		assertThat(OrderId.parse("0-0-0-0-0")).as("UUID.fromString's lenient form").isEmpty();
		assertThat(OrderId.parse(null)).isEmpty();
	}

	private static Order anOrder() {
		return Order.place(new OrderId(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e")), "demo-client", "c-1",
				List.of(OrderLine.unpriced("SKU-1", 2), OrderLine.unpriced("SKU-2", 1)), PLACED);
	}

	private static Order aPricedOrder() {
		return anOrder().price(List.of(priced("SKU-1", "Cup", 2, "12.50"), priced("SKU-2", "Saucer", 1, "4.50")),
				new BigDecimal("29.50"), "EUR", LATER);
	}

	private static OrderLine priced(String sku, String name, int quantity, String unitPrice) {
		return new OrderLine(sku, name, quantity, new BigDecimal(unitPrice));
	}

}
