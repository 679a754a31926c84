/**
 * The place-order saga as a pure decision: given the saga, its order and what just
 * happened (a participant's reply, a deadline, an operator), {@link PlaceOrderSaga}
 * decides the next state, the order's transition, the messages to send and the step to
 * record. It speaks the published protocol: its inputs and outputs are the contract
 * records of the place-order protocol, so it reads like the protocol itself. Nothing here
 * touches a database or a broker.
 */
package io.orderflow.order.saga;
