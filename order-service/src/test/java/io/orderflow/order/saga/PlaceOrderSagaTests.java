package io.orderflow.order.saga;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import io.orderflow.contract.inventory.CommitStock;
import io.orderflow.contract.inventory.ReleaseStock;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderPlaced;
import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentDeclined;
import io.orderflow.contract.payment.RefundPayment;
import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderStatus;
import io.orderflow.order.saga.SagaStep.Name;
import io.orderflow.order.saga.SagaStep.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.orderflow.order.saga.Compensation.REFUND_PAYMENT;
import static io.orderflow.order.saga.Compensation.RELEASE_STOCK;
import static io.orderflow.order.saga.PlaceOrderSagaState.CANCELLED;
import static io.orderflow.order.saga.PlaceOrderSagaState.CHARGING_PAYMENT;
import static io.orderflow.order.saga.PlaceOrderSagaState.COMPENSATING;
import static io.orderflow.order.saga.PlaceOrderSagaState.COMPENSATION_FAILED;
import static io.orderflow.order.saga.PlaceOrderSagaState.CONFIRMED;
import static io.orderflow.order.saga.PlaceOrderSagaState.RELEASING_STOCK;
import static io.orderflow.order.saga.PlaceOrderSagaState.RESERVING_STOCK;
import static io.orderflow.order.saga.Sagas.COMPENSATION_TIMEOUT;
import static io.orderflow.order.saga.Sagas.CUSTOMER;
import static io.orderflow.order.saga.Sagas.ORDER;
import static io.orderflow.order.saga.Sagas.PAYMENT_TIMEOUT;
import static io.orderflow.order.saga.Sagas.RESERVE_TIMEOUT;
import static io.orderflow.order.saga.Sagas.TOKEN;
import static io.orderflow.order.saga.Sagas.TOTAL;
import static io.orderflow.order.saga.Sagas.aConfirmedSaga;
import static io.orderflow.order.saga.Sagas.aParkedSaga;
import static io.orderflow.order.saga.Sagas.aSagaCancelledAfterATimeout;
import static io.orderflow.order.saga.Sagas.aSagaCancelledOutOfStock;
import static io.orderflow.order.saga.Sagas.aSagaChargingPayment;
import static io.orderflow.order.saga.Sagas.aSagaCompensatingAfterAPaymentTimeout;
import static io.orderflow.order.saga.Sagas.aSagaReleasingStock;
import static io.orderflow.order.saga.Sagas.aSagaReservingStock;
import static io.orderflow.order.saga.Sagas.nothingRefunded;
import static io.orderflow.order.saga.Sagas.outOfStock;
import static io.orderflow.order.saga.Sagas.paymentCharged;
import static io.orderflow.order.saga.Sagas.paymentDeclined;
import static io.orderflow.order.saga.Sagas.paymentRefunded;
import static io.orderflow.order.saga.Sagas.stockCommitted;
import static io.orderflow.order.saga.Sagas.stockReleased;
import static io.orderflow.order.saga.Sagas.stockReserved;
import static io.orderflow.order.saga.Sagas.unknownProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The place-order saga, state by state: given a saga in a state, when an input arrives,
 * then its next state, the order's, the messages it sends and the step it records.
 */
class PlaceOrderSagaTests {

	@Test
	void reservesTheStockAndAnnouncesTheOrder() {
		aSagaReservingStock().thenState(RESERVING_STOCK)
			.thenOrder(OrderStatus.PENDING)
			.thenSends(new ReserveStock(ORDER, List.of(new StockLine("SKU-CUP", 2), new StockLine("SKU-SAUCER", 1))),
					OrderPlaced.class)
			.thenRecords(Name.PLACE_ORDER, Outcome.STARTED)
			.thenDeadlineIn(RESERVE_TIMEOUT);
	}

	@Test
	void keepsTheTraceAndThePaymentTokenForLater() {
		SagaInstance saga = aSagaReservingStock().saga();

		assertThat(saga.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(saga.paymentToken()).isEqualTo(TOKEN);
	}

	@Test
	void chargesThePaymentOnceStockIsReserved() {
		SagaScript charging = aSagaReservingStock().when(stockReserved())
			.thenState(CHARGING_PAYMENT)
			.thenOrder(OrderStatus.PENDING)
			.thenSends(new ChargePayment(ORDER, CUSTOMER, TOTAL, "EUR", TOKEN))
			.thenRecords(Name.RESERVE_STOCK, Outcome.SUCCEEDED)
			.thenDeadlineIn(PAYMENT_TIMEOUT);

		Order priced = charging.order();
		assertThat(priced.total()).isEqualTo(TOTAL);
		assertThat(priced.currency()).isEqualTo("EUR");
		assertThat(priced.lines()).extracting("sku", "name", "unitPrice")
			.containsExactly(tuple("SKU-CUP", "Espresso cup", new BigDecimal("12.50")),
					tuple("SKU-SAUCER", "Saucer", new BigDecimal("12.50")));
	}

	@Test
	void cancelsAtOnceWhenStockIsShort() {
		aSagaReservingStock().when(outOfStock("SKU-SAUCER"))
			.thenState(CANCELLED)
			.thenOrderCancelledWith("OUT_OF_STOCK", "unavailable: SKU-SAUCER")
			.thenSends(OrderCancelled.class)
			.thenRecords(Name.RESERVE_STOCK, Outcome.FAILED)
			.thenNoDeadline()
			.thenPending();
	}

	@Test
	void cancelsAtOnceWhenAProductIsUnknown() {
		aSagaReservingStock().when(unknownProduct("SKU-NOPE"))
			.thenState(CANCELLED)
			.thenOrderCancelledWith("UNKNOWN_PRODUCT", "unavailable: SKU-NOPE")
			.thenSends(OrderCancelled.class);
	}

	@Test
	void releasesWhateverMayBeReservedWhenInventoryDoesNotAnswerInTime() {
		aSagaReservingStock().whenTheDeadlinePasses()
			.thenState(COMPENSATING)
			.thenOrder(OrderStatus.PENDING)
			.thenPending(RELEASE_STOCK)
			.thenSends(new ReleaseStock(ORDER, "TIMEOUT"))
			.thenRecords(Name.RESERVE_STOCK, Outcome.TIMED_OUT)
			.thenDeadlineIn(COMPENSATION_TIMEOUT)
			.thenAttempts(1)
			.when(stockReleased())
			.thenState(CANCELLED)
			.thenOrderCancelledWith("TIMEOUT", "no answer before the deadline")
			.thenSends(OrderCancelled.class)
			.thenRecords(Name.RELEASE_STOCK, Outcome.SUCCEEDED)
			.thenNoDeadline();
	}

	@Test
	void ignoresAReplyThatCannotComeWhileReservingStock() {
		SagaScript reserving = aSagaReservingStock();
		SagaInstance saga = reserving.saga();
		Order order = reserving.order();

		reserving.when(paymentCharged())
			.thenNothingChanges(saga, order)
			.thenSendsNothing()
			.thenRecords(Name.CHARGE_PAYMENT, Outcome.IGNORED);
	}

	@Test
	void confirmsTheOrderAndCommitsTheStockWhenThePaymentIsCharged() {
		SagaScript confirmed = aSagaChargingPayment().when(paymentCharged())
			.thenState(CONFIRMED)
			.thenOrder(OrderStatus.CONFIRMED)
			.thenSends(OrderConfirmed.class, new CommitStock(ORDER))
			.thenRecords(Name.CHARGE_PAYMENT, Outcome.SUCCEEDED)
			.thenNoDeadline();

		OrderConfirmed event = (OrderConfirmed) confirmed.decision().messages().getFirst().message();
		assertThat(event.total()).isEqualTo(TOTAL);
		assertThat(event.items()).extracting("name").containsExactly("Espresso cup", "Saucer");
		assertThat(event.version()).as("placed, priced, confirmed").isEqualTo(2).isEqualTo(confirmed.order().version());
	}

	@Test
	void releasesTheStockWhenThePaymentIsDeclinedThenCancels() {
		aSagaChargingPayment().when(paymentDeclined())
			.thenState(RELEASING_STOCK)
			.thenOrder(OrderStatus.PENDING)
			.thenPending(RELEASE_STOCK)
			.thenSends(new ReleaseStock(ORDER, "PAYMENT_DECLINED"))
			.thenRecords(Name.CHARGE_PAYMENT, Outcome.FAILED)
			.thenDeadlineIn(COMPENSATION_TIMEOUT)
			.when(stockReleased())
			.thenState(CANCELLED)
			.thenOrderCancelledWith("PAYMENT_DECLINED", "CARD_DECLINED: insufficient_funds")
			.thenSends(OrderCancelled.class);
	}

	@Test
	void refundsAndReleasesWhenPaymentDoesNotAnswerInTime() {
		aSagaChargingPayment().whenTheDeadlinePasses()
			.thenState(COMPENSATING)
			.thenOrder(OrderStatus.PENDING)
			.thenPending(RELEASE_STOCK, REFUND_PAYMENT)
			.thenSends(new ReleaseStock(ORDER, "TIMEOUT"), new RefundPayment(ORDER, "TIMEOUT"))
			.thenRecords(Name.CHARGE_PAYMENT, Outcome.TIMED_OUT)
			.thenDeadlineIn(COMPENSATION_TIMEOUT);
	}

	@Test
	void cancelsOnlyOnceBothCompensationsAreAnswered() {
		aSagaCompensatingAfterAPaymentTimeout().when(stockReleased())
			.thenState(COMPENSATING)
			.thenOrder(OrderStatus.PENDING)
			.thenPending(REFUND_PAYMENT)
			.thenSendsNothing()
			.thenRecords(Name.RELEASE_STOCK, Outcome.SUCCEEDED)
			.when(nothingRefunded())
			.thenState(CANCELLED)
			.thenOrderCancelledWith("TIMEOUT", "no answer before the deadline")
			.thenSends(OrderCancelled.class)
			.thenRecords(Name.REFUND_PAYMENT, Outcome.SUCCEEDED);
	}

	@Test
	void ignoresStockReservedTwice() {
		SagaScript charging = aSagaChargingPayment();
		SagaInstance saga = charging.saga();
		Order order = charging.order();

		charging.when(stockReserved())
			.thenNothingChanges(saga, order)
			.thenSendsNothing()
			.thenRecords(Name.RESERVE_STOCK, Outcome.IGNORED);
	}

	@Test
	void sendsThePendingCompensationsAgainWhenTheirDeadlinePasses() {
		aSagaReleasingStock().whenTheDeadlinePasses()
			.thenState(RELEASING_STOCK)
			.thenSends(new ReleaseStock(ORDER, "PAYMENT_DECLINED"))
			.thenRecords(Name.COMPENSATE, Outcome.RETRIED)
			.thenAttempts(2)
			.thenDeadlineIn(COMPENSATION_TIMEOUT)
			.whenTheDeadlinePasses()
			.thenAttempts(3);
	}

	@Test
	void sendsBothCompensationsAgainWhileBothArePending() {
		aSagaCompensatingAfterAPaymentTimeout().whenTheDeadlinePasses()
			.thenState(COMPENSATING)
			.thenSends(new ReleaseStock(ORDER, "TIMEOUT"), new RefundPayment(ORDER, "TIMEOUT"))
			.thenAttempts(2);
	}

	@Test
	void parksAfterTheLastCompensationAttempt() {
		aParkedSaga().thenState(COMPENSATION_FAILED)
			.thenOrder(OrderStatus.PENDING)
			.thenPending(RELEASE_STOCK)
			.thenSendsNothing()
			.thenRecords(Name.COMPENSATE, Outcome.PARKED)
			.thenNoDeadline()
			.thenAttempts(3);
	}

	@Test
	void aChargeArrivingWhileItsRefundIsPendingNeedsNothingMore() {
		SagaScript compensating = aSagaCompensatingAfterAPaymentTimeout();
		SagaInstance saga = compensating.saga();
		Order order = compensating.order();

		compensating.when(paymentCharged())
			.thenNothingChanges(saga, order)
			.thenSendsNothing()
			.thenRecords(Name.CHARGE_PAYMENT, Outcome.IGNORED);
	}

	@Test
	void aReservationArrivingWhileItsReleaseIsPendingNeedsNothingMore() {
		SagaScript compensating = aSagaReservingStock().whenTheDeadlinePasses();
		SagaInstance saga = compensating.saga();
		Order order = compensating.order();

		compensating.when(stockReserved())
			.thenNothingChanges(saga, order)
			.thenSendsNothing()
			.thenRecords(Name.RESERVE_STOCK, Outcome.IGNORED)
			.when(stockReleased())
			.thenState(CANCELLED)
			.thenOrderCancelledWith("TIMEOUT", "no answer before the deadline");
	}

	@Test
	void refundsAChargeNobodyExpectedWhileReleasing() {
		aSagaReleasingStock().when(paymentCharged())
			.thenState(COMPENSATING)
			.thenPending(RELEASE_STOCK, REFUND_PAYMENT)
			.thenSends(new RefundPayment(ORDER, "LATE_CHARGE"))
			.thenRecords(Name.CHARGE_PAYMENT, Outcome.COMPENSATING_LATE_REPLY)
			.when(stockReleased())
			.thenState(COMPENSATING)
			.when(paymentRefunded())
			.thenState(CANCELLED)
			.thenOrderCancelledWith("PAYMENT_DECLINED", "CARD_DECLINED: insufficient_funds");
	}

	@Test
	void ignoresACompensationAnsweredTwice() {
		SagaScript waiting = aSagaCompensatingAfterAPaymentTimeout().when(stockReleased());
		SagaInstance saga = waiting.saga();
		Order order = waiting.order();

		waiting.when(stockReleased()).thenNothingChanges(saga, order).thenRecords(Name.RELEASE_STOCK, Outcome.IGNORED);
	}

	@Test
	void ignoresTheDeclineThatCameAfterTheDeadline() {
		SagaScript compensating = aSagaCompensatingAfterAPaymentTimeout();
		SagaInstance saga = compensating.saga();
		Order order = compensating.order();

		compensating.when(paymentDeclined()).thenNothingChanges(saga, order).thenSendsNothing();
	}

	@Test
	void anOperatorResumesAParkedSagaWithFreshAttemptsAndItCompletes() {
		aParkedSaga().whenAnOperatorResumes()
			.thenState(COMPENSATING)
			.thenPending(RELEASE_STOCK)
			.thenSends(new ReleaseStock(ORDER, "PAYMENT_DECLINED"))
			.thenRecords(Name.COMPENSATE, Outcome.RESUMED)
			.thenAttempts(1)
			.thenDeadlineIn(COMPENSATION_TIMEOUT)
			.when(stockReleased())
			.thenState(CANCELLED)
			.thenOrderCancelledWith("PAYMENT_DECLINED", "CARD_DECLINED: insufficient_funds")
			.thenSends(OrderCancelled.class);
	}

	@Test
	void aParkedSagaCompletesWhenTheMissingReplyFinallyArrives() {
		aParkedSaga().when(stockReleased())
			.thenState(CANCELLED)
			.thenOrder(OrderStatus.CANCELLED)
			.thenSends(OrderCancelled.class);
	}

	@Test
	void onlyAParkedSagaCanBeResumed() {
		SagaScript charging = aSagaChargingPayment();
		SagaInstance saga = charging.saga();
		Order order = charging.order();

		charging.whenAnOperatorResumes()
			.thenNothingChanges(saga, order)
			.thenSendsNothing()
			.thenRecords(Name.COMPENSATE, Outcome.IGNORED);
	}

	@Test
	void refundsAChargeThatArrivesAfterCancellation() {
		SagaScript cancelled = aSagaCancelledAfterATimeout();
		Order order = cancelled.order();

		cancelled.when(paymentCharged())
			.thenState(COMPENSATING)
			.thenPending(REFUND_PAYMENT)
			.thenSends(new RefundPayment(ORDER, "LATE_CHARGE"))
			.thenRecords(Name.CHARGE_PAYMENT, Outcome.COMPENSATING_LATE_REPLY)
			.thenDeadlineIn(COMPENSATION_TIMEOUT)
			.thenOrderCancelledWith("TIMEOUT", "no answer before the deadline");
		assertThat(cancelled.order()).as("the order is cancelled already").isSameAs(order);

		cancelled.when(paymentRefunded())
			.thenState(CANCELLED)
			.thenSendsNothing()
			.thenRecords(Name.REFUND_PAYMENT, Outcome.SUCCEEDED);
		assertThat(cancelled.order()).as("cancelled once, announced once").isSameAs(order);
	}

	@Test
	void releasesAReservationThatArrivesAfterCancellation() {
		aSagaReservingStock().whenTheDeadlinePasses()
			.when(stockReleased())
			.thenState(CANCELLED)
			.when(stockReserved())
			.thenState(COMPENSATING)
			.thenPending(RELEASE_STOCK)
			.thenSends(new ReleaseStock(ORDER, "LATE_RESERVATION"))
			.thenRecords(Name.RESERVE_STOCK, Outcome.COMPENSATING_LATE_REPLY)
			.when(stockReleased())
			.thenState(CANCELLED)
			.thenOrderCancelledWith("TIMEOUT", "no answer before the deadline")
			.thenSendsNothing();
	}

	static Stream<Object> repliesThatChangeNothingAfterCancellation() {
		return Stream.of(outOfStock("SKU-CUP"), paymentDeclined(), stockReleased(), paymentRefunded(),
				stockCommitted());
	}

	@ParameterizedTest
	@MethodSource("repliesThatChangeNothingAfterCancellation")
	void recordsAndIgnoresOtherRepliesAfterCancellation(Object reply) {
		SagaScript cancelled = aSagaCancelledOutOfStock();
		SagaInstance saga = cancelled.saga();
		Order order = cancelled.order();

		cancelled.when(reply).thenNothingChanges(saga, order).thenSendsNothing();
		assertThat(cancelled.decision().step().outcome()).isEqualTo(Outcome.IGNORED);
	}

	@Test
	void recordsTheCommittedStock() {
		SagaScript confirmed = aConfirmedSaga();
		SagaInstance saga = confirmed.saga();
		Order order = confirmed.order();

		confirmed.when(stockCommitted())
			.thenNothingChanges(saga, order)
			.thenSendsNothing()
			.thenRecords(Name.COMMIT_STOCK, Outcome.SUCCEEDED);
	}

	static Stream<Object> repliesThatChangeNothingAfterConfirmation() {
		return Stream.of(paymentCharged(), stockReserved(), paymentDeclined(), stockReleased(), paymentRefunded(),
				new PaymentDeclined(ORDER, "pay-1", "ORDER_CANCELLED", null));
	}

	@ParameterizedTest
	@MethodSource("repliesThatChangeNothingAfterConfirmation")
	void neverUndoesAConfirmedOrder(Object reply) {
		SagaScript confirmed = aConfirmedSaga();
		SagaInstance saga = confirmed.saga();
		Order order = confirmed.order();

		confirmed.when(reply).thenNothingChanges(saga, order).thenSendsNothing().thenState(CONFIRMED);
		assertThat(confirmed.decision().step().outcome()).isEqualTo(Outcome.IGNORED);
	}

}
