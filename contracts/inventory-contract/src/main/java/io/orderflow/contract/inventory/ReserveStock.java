package io.orderflow.contract.inventory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Reserve every line or none. */
@JsonTypeName("ReserveStock")
public record ReserveStock(String orderId, List<StockLine> lines) implements InventoryCommand {
}
