package io.orderflow.contract.inventory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("StockCommitted")
public record StockCommitted(String orderId, List<StockLine> lines) implements InventoryEvent {
}
