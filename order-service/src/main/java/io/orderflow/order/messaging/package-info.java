/**
 * The Kafka side: the message types this service speaks, the topic it owns
 * ({@code order.events}), and the listeners that hand participants' replies to the saga
 * through the idempotent inbox.
 */
package io.orderflow.order.messaging;
