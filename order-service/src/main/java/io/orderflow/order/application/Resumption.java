package io.orderflow.order.application;

import io.orderflow.order.saga.PlaceOrderSagaState;

/** How an operator's request to resume a saga was answered. */
public sealed interface Resumption {

	/** The pending compensations went out again. */
	record Resumed(SagaView saga) implements Resumption {
	}

	/** Only a saga parked in COMPENSATION_FAILED can be resumed. */
	record NotParked(PlaceOrderSagaState state) implements Resumption {
	}

	record UnknownOrder() implements Resumption {
	}

}
