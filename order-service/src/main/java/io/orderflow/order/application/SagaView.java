package io.orderflow.order.application;

import java.util.List;

import io.orderflow.order.saga.SagaInstance;
import io.orderflow.order.saga.StepRecord;

/** A saga as operators read it: its state and its whole history. */
public record SagaView(SagaInstance saga, List<StepRecord> steps) {
}
