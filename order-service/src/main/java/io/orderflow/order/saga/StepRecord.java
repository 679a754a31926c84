package io.orderflow.order.saga;

import java.time.Instant;
import java.util.UUID;

import io.orderflow.order.domain.OrderId;

/**
 * A step as the history keeps it.
 *
 * @param messageType the logical type of the message that caused the step, or null for a
 * deadline, an operator or the placement
 * @param messageId the id of that message, or null
 */
public record StepRecord(OrderId orderId, SagaStep step, String messageType, UUID messageId, Instant at) {
}
