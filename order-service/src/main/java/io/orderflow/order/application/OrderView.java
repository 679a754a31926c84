package io.orderflow.order.application;

import io.orderflow.order.domain.Order;
import io.orderflow.order.saga.PlaceOrderSagaState;

/** An order as clients read it: the order and where its saga stands. */
public record OrderView(Order order, PlaceOrderSagaState sagaState) {
}
