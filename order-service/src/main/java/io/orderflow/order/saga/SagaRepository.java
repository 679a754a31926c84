package io.orderflow.order.saga;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.orderflow.order.domain.OrderId;

/** Where sagas and their histories are kept. */
public interface SagaRepository {

	/**
	 * The saga of an order, locked until the transaction ends, so that a reply and a
	 * deadline for one saga are decided one after the other, each on the other's outcome.
	 */
	Optional<SagaInstance> lock(OrderId orderId);

	Optional<SagaInstance> find(OrderId orderId);

	/**
	 * Up to {@code limit} sagas whose deadline is at or before {@code now}, earliest
	 * first, locked until the transaction ends. Sagas another transaction holds are
	 * skipped, not waited for: concurrent schedulers claim disjoint sagas, and a saga
	 * busy with a reply is looked at again on the next poll.
	 */
	List<SagaInstance> claimDue(Instant now, int limit);

	void add(SagaInstance saga);

	/**
	 * Stores {@code saga} over the version before it.
	 * @throws RuntimeException (an optimistic locking failure) when somebody else changed
	 * the saga in between
	 */
	void update(SagaInstance saga);

	void record(StepRecord step);

	/** An order's saga history, oldest first. */
	List<StepRecord> history(OrderId orderId);

	/** The states of the sagas of {@code orderIds}, in one look-up. */
	Map<OrderId, PlaceOrderSagaState> states(Collection<OrderId> orderIds);

	/** How many sagas wait for an operator. */
	long countParked();

}
