/**
 * The reliability core every producer and consumer uses: message envelope, transactional
 * outbox and its relay, idempotent inbox, Kafka error handling with dead-letter topics,
 * and trace propagation through the outbox. Built by the platform/messaging issue.
 */
package io.orderflow.messaging;
