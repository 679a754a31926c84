package io.orderflow.contract.inventory;

/** What the saga asks of inventory, on {@value #TOPIC}, keyed by {@code orderId}. */
public sealed interface InventoryCommand permits ReserveStock, ReleaseStock, CommitStock {

	String TOPIC = "inventory.commands";

	String orderId();

}
