/**
 * The use cases, one transaction each: place an order (idempotently), apply a
 * participant's reply, fire due deadlines, resume a parked saga, read orders and sagas.
 * Each loads the saga and its order, lets {@code PlaceOrderSaga} decide, and stores the
 * decision with its outbox messages and history step in that one transaction.
 */
package io.orderflow.order.application;
