package io.orderflow.order.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.orderflow.order.domain.Order;
import io.orderflow.order.domain.OrderStatus;
import io.orderflow.order.saga.SagaStep.Name;
import io.orderflow.order.saga.SagaStep.Outcome;
import io.orderflow.testinfra.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saga under test, scripted as the specification reads: given a saga in some state,
 * when an input arrives, then this state, these messages, this step. Each {@code when}
 * feeds the saga the outcome of the previous one, so a script can run a whole story.
 */
final class SagaScript {

	private final PlaceOrderSaga saga;

	private final MutableClock clock;

	private SagaInstance current;

	private Order order;

	private Decision decision;

	private SagaScript(PlaceOrderSaga saga, MutableClock clock, Decision start) {
		this.saga = saga;
		this.clock = clock;
		take(start);
	}

	/** A new saga for {@code order}, as placing it starts one. */
	static SagaScript placing(Order order, String paymentToken, SagaTimeouts timeouts) {
		MutableClock clock = MutableClock.at(order.createdAt());
		PlaceOrderSaga saga = new PlaceOrderSaga(timeouts, clock);
		return new SagaScript(saga, clock, saga.start(order, paymentToken, "4bf92f3577b34da6a3ce929d0e0e4736"));
	}

	/** A participant's reply arrives, a second after the previous input. */
	SagaScript when(Object reply) {
		this.clock.advance(Duration.ofSeconds(1));
		return decide(new SagaInput.Reply(reply));
	}

	/** Nothing arrives until the deadline of the current state passes. */
	SagaScript whenTheDeadlinePasses() {
		assertThat(this.current.deadlineAt()).as("deadline of %s", this.current.state()).isNotNull();
		this.clock.moveTo(this.current.deadlineAt());
		return decide(SagaInput.DEADLINE_EXPIRED);
	}

	SagaScript whenAnOperatorResumes() {
		this.clock.advance(Duration.ofMinutes(5));
		return decide(SagaInput.OPERATOR_RESUME);
	}

	SagaScript thenState(PlaceOrderSagaState state) {
		assertThat(this.current.state()).as("saga state").isEqualTo(state);
		return this;
	}

	SagaScript thenOrder(OrderStatus status) {
		assertThat(this.order.status()).as("order status").isEqualTo(status);
		return this;
	}

	SagaScript thenOrderCancelledWith(String reason, String detail) {
		assertThat(this.order.status()).as("order status").isEqualTo(OrderStatus.CANCELLED);
		assertThat(this.order.cancellationReason()).as("cancellation reason").isEqualTo(reason);
		assertThat(this.order.cancellationDetail()).as("cancellation detail").isEqualTo(detail);
		return this;
	}

	/**
	 * Exactly these messages, in this order: a record must be equal, a class stands for
	 * any message of that class.
	 */
	SagaScript thenSends(Object... expected) {
		List<Object> sent = this.decision.messages().stream().map(Outgoing::message).toList();
		assertThat(sent).as("messages sent").hasSameSizeAs(expected);
		for (int i = 0; i < expected.length; i++) {
			if (expected[i] instanceof Class<?> type) {
				assertThat(sent.get(i)).as("message %d", i).isInstanceOf(type);
			}
			else {
				assertThat(sent.get(i)).as("message %d", i).isEqualTo(expected[i]);
			}
		}
		return this;
	}

	SagaScript thenSendsNothing() {
		assertThat(this.decision.messages()).as("messages sent").isEmpty();
		return this;
	}

	SagaScript thenRecords(Name step, Outcome outcome) {
		assertThat(this.decision.step().name()).as("step").isEqualTo(step);
		assertThat(this.decision.step().outcome()).as("outcome").isEqualTo(outcome);
		return this;
	}

	SagaScript thenPending(Compensation... compensations) {
		assertThat(this.current.pendingCompensations()).as("pending compensations")
			.containsExactlyInAnyOrder(compensations);
		return this;
	}

	SagaScript thenDeadlineIn(Duration wait) {
		assertThat(this.current.deadlineAt()).as("deadline").isEqualTo(now().plus(wait));
		return this;
	}

	SagaScript thenNoDeadline() {
		assertThat(this.current.deadlineAt()).as("deadline").isNull();
		return this;
	}

	SagaScript thenAttempts(int attempts) {
		assertThat(this.current.compensationAttempts()).as("compensation attempts").isEqualTo(attempts);
		return this;
	}

	/** Nothing changed: the same saga and order, not even a new version. */
	SagaScript thenNothingChanges(SagaInstance before, Order orderBefore) {
		assertThat(this.current).isSameAs(before);
		assertThat(this.order).isSameAs(orderBefore);
		return this;
	}

	SagaInstance saga() {
		return this.current;
	}

	Order order() {
		return this.order;
	}

	Decision decision() {
		return this.decision;
	}

	private SagaScript decide(SagaInput input) {
		return take(this.saga.decide(this.current, this.order, input));
	}

	private SagaScript take(Decision decision) {
		this.decision = decision;
		this.current = decision.saga();
		this.order = decision.order();
		return this;
	}

	private Instant now() {
		return this.clock.instant();
	}

}
