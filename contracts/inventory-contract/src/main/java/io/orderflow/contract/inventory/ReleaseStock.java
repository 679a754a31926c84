package io.orderflow.contract.inventory;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Give back what the order holds; a no-op when it holds nothing. */
@JsonTypeName("ReleaseStock")
public record ReleaseStock(String orderId, String reason) implements InventoryCommand {
}
