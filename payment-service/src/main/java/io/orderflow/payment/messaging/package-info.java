/**
 * The saga's side of payment: {@code payment.commands} consumed through the inbox,
 * answers published on {@code payment.events} through the outbox; contract ↔ domain
 * mapping.
 */
package io.orderflow.payment.messaging;
