package io.orderflow.contract.inventory;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Turn the order's reservation into a sale. */
@JsonTypeName("CommitStock")
public record CommitStock(String orderId) implements InventoryCommand {
}
