/**
 * What travels on Kafka: the payload record as JSON, named by a logical message type
 * (never a class name), with the metadata in native headers
 * ({@link io.orderflow.messaging.envelope.Envelope}), and the context of the message a
 * handler is processing.
 */
@NullMarked
package io.orderflow.messaging.envelope;

import org.jspecify.annotations.NullMarked;
