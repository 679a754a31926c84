/**
 * The transactional outbox: {@link io.orderflow.messaging.outbox.Outbox} records a
 * message in the caller's transaction, {@link io.orderflow.messaging.outbox.OutboxRelay}
 * publishes committed messages to Kafka, one leader per database, in order, at least
 * once.
 */
@NullMarked
package io.orderflow.messaging.outbox;

import org.jspecify.annotations.NullMarked;
