package io.orderflow.contract.inventory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** {@code lines} is empty when there was nothing to release. */
@JsonTypeName("StockReleased")
public record StockReleased(String orderId, List<StockLine> lines) implements InventoryEvent {
}
