package io.orderflow.contract.inventory;

/**
 * Inventory's outcomes and product changes, on {@value #TOPIC}. Saga replies are keyed by
 * {@code orderId}, {@link ProductChanged} by {@code sku}.
 */
public sealed interface InventoryEvent
		permits StockReserved, StockReservationFailed, StockReleased, StockCommitted, ProductChanged {

	String TOPIC = "inventory.events";

}
