package io.orderflow.order.saga;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.orderflow.contract.inventory.PricedLine;
import io.orderflow.contract.inventory.StockCommitted;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.inventory.StockReleased;
import io.orderflow.contract.inventory.StockReservationFailed;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.contract.payment.PaymentDeclined;
import io.orderflow.contract.payment.PaymentRefunded;
import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderLine;

/**
 * Object mother of sagas: each one reached by running the saga from placement, so its
 * state and its order are what the saga itself makes of them. And the participants'
 * replies, about that one order.
 */
final class Sagas {

	static final OrderId ORDER_ID = new OrderId(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));

	static final String ORDER = ORDER_ID.toString();

	static final String CUSTOMER = "c-1";

	static final String TOKEN = "tok_visa";

	static final Instant PLACED_AT = Instant.parse("2026-11-21T10:15:30Z");

	static final Duration RESERVE_TIMEOUT = Duration.ofSeconds(30);

	static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(20);

	static final Duration COMPENSATION_TIMEOUT = Duration.ofSeconds(10);

	static final int MAX_COMPENSATION_ATTEMPTS = 3;

	static final BigDecimal TOTAL = new BigDecimal("37.50");

	private Sagas() {
	}

	/** Two espresso cups and a saucer, not yet priced. */
	static Order anOrder() {
		return Order.place(ORDER_ID, "demo-client", CUSTOMER,
				List.of(OrderLine.unpriced("SKU-CUP", 2), OrderLine.unpriced("SKU-SAUCER", 1)), PLACED_AT);
	}

	static SagaScript aSagaReservingStock() {
		return SagaScript.placing(anOrder(), TOKEN,
				new SagaTimeouts(RESERVE_TIMEOUT, PAYMENT_TIMEOUT, COMPENSATION_TIMEOUT, MAX_COMPENSATION_ATTEMPTS));
	}

	static SagaScript aSagaChargingPayment() {
		return aSagaReservingStock().when(stockReserved());
	}

	static SagaScript aConfirmedSaga() {
		return aSagaChargingPayment().when(paymentCharged());
	}

	/** Cancelled out of stock: nothing was reserved, nothing charged. */
	static SagaScript aSagaCancelledOutOfStock() {
		return aSagaReservingStock().when(outOfStock("SKU-SAUCER"));
	}

	/** Cancelled after a timeout while charging, both compensations answered. */
	static SagaScript aSagaCancelledAfterATimeout() {
		return aSagaCompensatingAfterAPaymentTimeout().when(stockReleased()).when(nothingRefunded());
	}

	static SagaScript aSagaReleasingStock() {
		return aSagaChargingPayment().when(paymentDeclined());
	}

	static SagaScript aSagaCompensatingAfterAPaymentTimeout() {
		return aSagaChargingPayment().whenTheDeadlinePasses();
	}

	/** Declined, and inventory never answered any of the ReleaseStock commands. */
	static SagaScript aParkedSaga() {
		SagaScript releasing = aSagaReleasingStock();
		for (int attempt = 1; attempt <= MAX_COMPENSATION_ATTEMPTS; attempt++) {
			releasing.whenTheDeadlinePasses();
		}
		return releasing;
	}

	static StockReserved stockReserved() {
		return new StockReserved(ORDER, List.of(new PricedLine("SKU-CUP", "Espresso cup", 2, new BigDecimal("12.50")),
				new PricedLine("SKU-SAUCER", "Saucer", 1, new BigDecimal("12.50"))), TOTAL, "EUR");
	}

	static StockReservationFailed outOfStock(String... skus) {
		return new StockReservationFailed(ORDER, "OUT_OF_STOCK", List.of(skus));
	}

	static StockReservationFailed unknownProduct(String... skus) {
		return new StockReservationFailed(ORDER, "UNKNOWN_PRODUCT", List.of(skus));
	}

	static StockReleased stockReleased() {
		return new StockReleased(ORDER, List.of(new StockLine("SKU-CUP", 2), new StockLine("SKU-SAUCER", 1)));
	}

	static StockCommitted stockCommitted() {
		return new StockCommitted(ORDER, List.of(new StockLine("SKU-CUP", 2), new StockLine("SKU-SAUCER", 1)));
	}

	static PaymentCharged paymentCharged() {
		return new PaymentCharged(ORDER, "pay-1", TOTAL, "EUR", "ch_1");
	}

	static PaymentDeclined paymentDeclined() {
		return new PaymentDeclined(ORDER, "pay-1", "CARD_DECLINED", "insufficient_funds");
	}

	static PaymentRefunded paymentRefunded() {
		return new PaymentRefunded(ORDER, "pay-1", TOTAL, "EUR", "re_1");
	}

	/** Payment's answer to a refund of an order it never charged. */
	static PaymentRefunded nothingRefunded() {
		return new PaymentRefunded(ORDER, null, BigDecimal.ZERO, "EUR", null);
	}

}
