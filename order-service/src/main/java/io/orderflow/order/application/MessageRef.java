package io.orderflow.order.application;

import java.util.UUID;

/** The message that moved a saga, for its history. */
public record MessageRef(String messageType, UUID messageId) {
}
