package io.orderflow.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.orderflow.contract.inventory.CommitStock;
import io.orderflow.contract.inventory.ReleaseStock;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockCommitted;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.inventory.StockReleased;
import io.orderflow.contract.inventory.StockReservationFailed;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.contract.payment.PaymentDeclined;
import io.orderflow.contract.payment.PaymentRefunded;
import io.orderflow.contract.payment.RefundPayment;
import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderLine;
import io.orderflow.order.domain.OrderStatus;
import io.orderflow.order.saga.SagaInput.DeadlineExpired;
import io.orderflow.order.saga.SagaInput.OperatorResume;
import io.orderflow.order.saga.SagaInput.Reply;
import io.orderflow.order.saga.SagaStep.Name;
import io.orderflow.order.saga.SagaStep.Outcome;

import static io.orderflow.order.saga.Compensation.REFUND_PAYMENT;
import static io.orderflow.order.saga.Compensation.RELEASE_STOCK;

/**
 * The place-order saga: reserve stock, charge the payment, confirm; undo what was done
 * when a step fails or goes unanswered.
 *
 * <pre>
 * state                input                       does                                  next state
 * RESERVING_STOCK      StockReserved               price the order, ChargePayment        CHARGING_PAYMENT
 *                      StockReservationFailed      order CANCELLED (inventory's reason)  CANCELLED
 *                      deadline                    ReleaseStock                          COMPENSATING
 * CHARGING_PAYMENT     PaymentCharged              order CONFIRMED, CommitStock          CONFIRMED
 *                      PaymentDeclined             ReleaseStock                          RELEASING_STOCK
 *                      deadline                    RefundPayment, ReleaseStock           COMPENSATING
 * RELEASING_STOCK,     StockReleased,              that compensation is done; once none
 * COMPENSATING         PaymentRefunded             is pending, order CANCELLED with the
 *                                                  saga's reason                         CANCELLED
 *                      deadline                    the pending commands again            (the same)
 *                      deadline, attempts spent    nothing more                          COMPENSATION_FAILED
 * COMPENSATION_FAILED  operator resume             the pending commands again            COMPENSATING
 * CANCELLED            late StockReserved          ReleaseStock                          COMPENSATING
 *                      late PaymentCharged         RefundPayment                         COMPENSATING
 * CONFIRMED            StockCommitted              recorded; a confirmed order is never refunded
 * </pre>
 *
 * A late reservation or charge is given back in every state that does not confirm the
 * order, unless its compensation is pending already: participants handle one order's
 * commands in the order they were sent, so a release or refund sent earlier undoes it.
 * Anything else (a duplicate, a reply that cannot happen in the state) is recorded as
 * ignored, so no reply that fits the protocol can block a partition. One that contradicts
 * the order (priced lines that are not its lines) throws: it goes to the dead-letter
 * topic for someone to look at, and the deadline compensates meanwhile.
 * <p>
 * Pure: it reads only the saga, the order, the input and the clock, and returns a
 * {@link Decision} for the caller to store and send in one transaction.
 */
public final class PlaceOrderSaga {

	/** The saga's own cancellation reason when a participant did not answer in time. */
	public static final String TIMEOUT = "TIMEOUT";

	public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

	/** The reason of a ReleaseStock for a reservation that arrived after cancellation. */
	public static final String LATE_RESERVATION = "LATE_RESERVATION";

	/** The reason of a RefundPayment for a charge that arrived after cancellation. */
	public static final String LATE_CHARGE = "LATE_CHARGE";

	private final SagaTimeouts timeouts;

	private final Clock clock;

	public PlaceOrderSaga(SagaTimeouts timeouts, Clock clock) {
		this.timeouts = timeouts;
		this.clock = clock;
	}

	/**
	 * The first step for a newly placed order: reserve its stock, and tell the world it
	 * was placed.
	 * @param traceId the trace of the placing request, or null
	 */
	public Decision start(Order order, String paymentToken, String traceId) {
		Instant now = order.createdAt();
		SagaInstance saga = SagaInstance.start(order.id(), paymentToken, traceId, now,
				now.plus(this.timeouts.reserveStock()));
		List<StockLine> lines = order.lines()
			.stream()
			.map((line) -> new StockLine(line.sku(), line.quantity()))
			.toList();
		return new Decision(saga, order,
				List.of(Outgoing.command(new ReserveStock(orderId(order), lines)),
						Outgoing.event(OrderEvents.placed(order))),
				new SagaStep(Name.PLACE_ORDER, Outcome.STARTED, null));
	}

	/** What follows {@code input} for {@code saga} and its {@code order}. */
	public Decision decide(SagaInstance saga, Order order, SagaInput input) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		return switch (saga.state()) {
			case RESERVING_STOCK -> switch (input) {
				case Reply(StockReserved reserved) -> chargePayment(saga, order, reserved, now);
				case Reply(StockReservationFailed failed) -> cancelUnreserved(saga, order, failed, now);
				case DeadlineExpired _ -> timeOut(saga, order, Name.RESERVE_STOCK, EnumSet.of(RELEASE_STOCK), now);
				default -> ignore(saga, order, input);
			};
			case CHARGING_PAYMENT -> switch (input) {
				case Reply(PaymentCharged charged) -> confirm(saga, order, charged, now);
				case Reply(PaymentDeclined declined) -> releaseStock(saga, order, declined, now);
				case DeadlineExpired _ ->
					timeOut(saga, order, Name.CHARGE_PAYMENT, EnumSet.of(RELEASE_STOCK, REFUND_PAYMENT), now);
				default -> ignore(saga, order, input);
			};
			case RELEASING_STOCK, COMPENSATING -> switch (input) {
				case Reply(StockReleased _) -> compensated(saga, order, RELEASE_STOCK, now);
				case Reply(PaymentRefunded _) -> compensated(saga, order, REFUND_PAYMENT, now);
				case Reply(StockReserved _) -> giveBackLateReply(saga, order, RELEASE_STOCK, now);
				case Reply(PaymentCharged _) -> giveBackLateReply(saga, order, REFUND_PAYMENT, now);
				case DeadlineExpired _ -> retryOrPark(saga, order, now);
				default -> ignore(saga, order, input);
			};
			case COMPENSATION_FAILED -> switch (input) {
				case Reply(StockReleased _) -> compensated(saga, order, RELEASE_STOCK, now);
				case Reply(PaymentRefunded _) -> compensated(saga, order, REFUND_PAYMENT, now);
				case Reply(StockReserved _) -> giveBackLateReply(saga, order, RELEASE_STOCK, now);
				case Reply(PaymentCharged _) -> giveBackLateReply(saga, order, REFUND_PAYMENT, now);
				case OperatorResume _ -> resume(saga, order, now);
				default -> ignore(saga, order, input);
			};
			case CONFIRMED -> switch (input) {
				case Reply(StockCommitted _) ->
					new Decision(saga, order, List.of(), new SagaStep(Name.COMMIT_STOCK, Outcome.SUCCEEDED, null));
				default -> ignore(saga, order, input);
			};
			case CANCELLED -> switch (input) {
				case Reply(StockReserved _) -> giveBackLateReply(saga, order, RELEASE_STOCK, now);
				case Reply(PaymentCharged _) -> giveBackLateReply(saga, order, REFUND_PAYMENT, now);
				default -> ignore(saga, order, input);
			};
		};
	}

	private Decision chargePayment(SagaInstance saga, Order order, StockReserved reserved, Instant now) {
		List<OrderLine> pricedLines = reserved.lines()
			.stream()
			.map((line) -> new OrderLine(line.sku(), line.name(), line.quantity(), line.unitPrice()))
			.toList();
		Order priced = order.price(pricedLines, reserved.total(), reserved.currency(), now);
		ChargePayment charge = new ChargePayment(orderId(order), order.customerId(), priced.total(), priced.currency(),
				saga.paymentToken());
		return new Decision(saga.chargingPayment(now.plus(this.timeouts.chargePayment()), now), priced,
				List.of(Outgoing.command(charge)), new SagaStep(Name.RESERVE_STOCK, Outcome.SUCCEEDED,
						"reserved for " + priced.total().toPlainString() + " " + priced.currency()));
	}

	/** Nothing was reserved, so nothing needs undoing: the order is cancelled at once. */
	private Decision cancelUnreserved(SagaInstance saga, Order order, StockReservationFailed failed, Instant now) {
		String detail = failed.unavailableSkus().isEmpty() ? null
				: "unavailable: " + String.join(", ", failed.unavailableSkus());
		Order cancelled = order.cancel(failed.reason(), detail, now);
		return new Decision(saga.cancelled(failed.reason(), detail, now), cancelled,
				List.of(Outgoing.event(OrderEvents.cancelled(cancelled))),
				new SagaStep(Name.RESERVE_STOCK, Outcome.FAILED, describe(failed.reason(), detail)));
	}

	private Decision confirm(SagaInstance saga, Order order, PaymentCharged charged, Instant now) {
		Order confirmed = order.confirm(now);
		return new Decision(saga.confirmed(now), confirmed,
				List.of(Outgoing.event(OrderEvents.confirmed(confirmed)),
						Outgoing.command(new CommitStock(orderId(order)))),
				new SagaStep(Name.CHARGE_PAYMENT, Outcome.SUCCEEDED, "charged " + charged.amount().toPlainString() + " "
						+ charged.currency() + ", payment " + charged.paymentId()));
	}

	/** A declined payment took no money: only the stock needs giving back. */
	private Decision releaseStock(SagaInstance saga, Order order, PaymentDeclined declined, Instant now) {
		String detail = (declined.declineCode() != null) ? declined.reason() + ": " + declined.declineCode()
				: declined.reason();
		SagaInstance releasing = saga.compensating(PlaceOrderSagaState.RELEASING_STOCK, Set.of(RELEASE_STOCK),
				PAYMENT_DECLINED, detail, now.plus(this.timeouts.compensation()), now);
		return new Decision(releasing, order,
				List.of(Outgoing.command(new ReleaseStock(orderId(order), PAYMENT_DECLINED))),
				new SagaStep(Name.CHARGE_PAYMENT, Outcome.FAILED, detail));
	}

	/**
	 * No answer in time: undo whatever the unanswered command may have done (a release or
	 * refund of nothing is a no-op for the participant).
	 */
	private Decision timeOut(SagaInstance saga, Order order, Name step, Set<Compensation> undo, Instant now) {
		String detail = "no answer before the deadline";
		SagaInstance compensating = saga.compensating(PlaceOrderSagaState.COMPENSATING, undo, TIMEOUT, detail,
				now.plus(this.timeouts.compensation()), now);
		return new Decision(compensating, order, commands(compensating, undo, TIMEOUT),
				new SagaStep(step, Outcome.TIMED_OUT, "compensating: " + names(undo)));
	}

	private Decision compensated(SagaInstance saga, Order order, Compensation compensation, Instant now) {
		Name step = (compensation == RELEASE_STOCK) ? Name.RELEASE_STOCK : Name.REFUND_PAYMENT;
		if (!saga.isPending(compensation)) {
			return new Decision(saga, order, List.of(), new SagaStep(step, Outcome.IGNORED, "not pending"));
		}
		if (saga.pendingCompensations().size() > 1) {
			SagaInstance waiting = saga.compensated(compensation, now);
			return new Decision(waiting, order, List.of(),
					new SagaStep(step, Outcome.SUCCEEDED, "still pending: " + names(waiting.pendingCompensations())));
		}
		SagaInstance cancelledSaga = saga.cancelled(saga.cancellationReason(), saga.cancellationDetail(), now);
		if (order.status() != OrderStatus.PENDING) {
			return new Decision(cancelledSaga, order, List.of(), new SagaStep(step, Outcome.SUCCEEDED,
					"nothing held any more for the " + order.status().name().toLowerCase() + " order"));
		}
		Order cancelled = order.cancel(saga.cancellationReason(), saga.cancellationDetail(), now);
		return new Decision(cancelledSaga, cancelled, List.of(Outgoing.event(OrderEvents.cancelled(cancelled))),
				new SagaStep(step, Outcome.SUCCEEDED, "order cancelled: " + saga.cancellationReason()));
	}

	/**
	 * Stock reserved or money charged after the saga stopped wanting it: give it back,
	 * unless that is already under way.
	 */
	private Decision giveBackLateReply(SagaInstance saga, Order order, Compensation compensation, Instant now) {
		Name step = (compensation == RELEASE_STOCK) ? Name.RESERVE_STOCK : Name.CHARGE_PAYMENT;
		if (saga.isPending(compensation)) {
			return new Decision(saga, order, List.of(),
					new SagaStep(step, Outcome.IGNORED, names(Set.of(compensation)) + " already pending"));
		}
		String reason = (compensation == RELEASE_STOCK) ? LATE_RESERVATION : LATE_CHARGE;
		EnumSet<Compensation> pending = EnumSet.of(compensation);
		pending.addAll(saga.pendingCompensations());
		SagaInstance compensating = saga.compensating(PlaceOrderSagaState.COMPENSATING, pending, reason, null,
				now.plus(this.timeouts.compensation()), now);
		return new Decision(compensating, order, commands(compensating, Set.of(compensation), reason),
				new SagaStep(step, Outcome.COMPENSATING_LATE_REPLY, reason));
	}

	private Decision retryOrPark(SagaInstance saga, Order order, Instant now) {
		String pending = names(saga.pendingCompensations());
		if (saga.compensationAttempts() >= this.timeouts.maxCompensationAttempts()) {
			return new Decision(saga.parked(now), order, List.of(), new SagaStep(Name.COMPENSATE, Outcome.PARKED,
					pending + " unanswered after " + saga.compensationAttempts() + " attempts"));
		}
		SagaInstance retried = saga.retried(now.plus(this.timeouts.compensation()), now);
		return new Decision(retried, order,
				commands(retried, retried.pendingCompensations(), retried.cancellationReason()),
				new SagaStep(Name.COMPENSATE, Outcome.RETRIED, "attempt " + retried.compensationAttempts() + " of "
						+ this.timeouts.maxCompensationAttempts() + ": " + pending));
	}

	private Decision resume(SagaInstance saga, Order order, Instant now) {
		SagaInstance resumed = saga.compensating(PlaceOrderSagaState.COMPENSATING, saga.pendingCompensations(), null,
				null, now.plus(this.timeouts.compensation()), now);
		return new Decision(resumed, order,
				commands(resumed, resumed.pendingCompensations(), resumed.cancellationReason()),
				new SagaStep(Name.COMPENSATE, Outcome.RESUMED, "sent again: " + names(resumed.pendingCompensations())));
	}

	private Decision ignore(SagaInstance saga, Order order, SagaInput input) {
		return new Decision(saga, order, List.of(),
				new SagaStep(stepOf(input), Outcome.IGNORED, "ignored in " + saga.state()));
	}

	private static List<Outgoing> commands(SagaInstance saga, Set<Compensation> compensations, String reason) {
		String orderId = saga.orderId().toString();
		List<Outgoing> commands = new ArrayList<>();
		for (Compensation compensation : EnumSet.copyOf(compensations)) {
			commands.add(switch (compensation) {
				case RELEASE_STOCK -> Outgoing.command(new ReleaseStock(orderId, reason));
				case REFUND_PAYMENT -> Outgoing.command(new RefundPayment(orderId, reason));
			});
		}
		return commands;
	}

	/** The saga step an input answers, for the history. */
	private static Name stepOf(SagaInput input) {
		return switch (input) {
			case Reply(StockReserved _), Reply(StockReservationFailed _) -> Name.RESERVE_STOCK;
			case Reply(PaymentCharged _), Reply(PaymentDeclined _) -> Name.CHARGE_PAYMENT;
			case Reply(StockReleased _) -> Name.RELEASE_STOCK;
			case Reply(PaymentRefunded _) -> Name.REFUND_PAYMENT;
			case Reply(StockCommitted _) -> Name.COMMIT_STOCK;
			case Reply _, DeadlineExpired _, OperatorResume _ -> Name.COMPENSATE;
		};
	}

	private static String names(Set<Compensation> compensations) {
		return String.join(", ", EnumSet.copyOf(compensations).stream().map(Compensation::name).toList());
	}

	private static String describe(String reason, String detail) {
		return (detail != null) ? reason + " (" + detail + ")" : reason;
	}

	private static String orderId(Order order) {
		return order.id().toString();
	}

}
