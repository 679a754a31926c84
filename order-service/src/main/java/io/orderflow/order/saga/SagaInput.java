package io.orderflow.order.saga;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.contract.payment.PaymentEvent;

/** What moves a saga: a reply, its deadline, or an operator. */
public sealed interface SagaInput {

	/** The deadline of the saga's current state has passed. */
	SagaInput DEADLINE_EXPIRED = new DeadlineExpired();

	/** An operator resumes a parked saga. */
	SagaInput OPERATOR_RESUME = new OperatorResume();

	/**
	 * A participant's reply about the saga's order.
	 *
	 * @param message a saga message of {@code inventory.events} or {@code payment.events}
	 */
	record Reply(Object message) implements SagaInput {

		public Reply {
			boolean sagaReply = (message instanceof InventoryEvent && !(message instanceof ProductChanged))
					|| message instanceof PaymentEvent;
			if (!sagaReply) {
				throw new IllegalArgumentException("Not a reply of the place-order saga: " + message);
			}
		}

	}

	record DeadlineExpired() implements SagaInput {
	}

	record OperatorResume() implements SagaInput {
	}

}
