/**
 * Kafka adapters: the saga's commands on {@code inventory.commands} in, through the
 * inbox, and their replies and every product's changes out on {@code inventory.events},
 * through the outbox; the mapping between the inventory contract and the domain.
 */
package io.orderflow.inventory.messaging;
