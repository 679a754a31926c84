package io.orderflow.contract.inventory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * {@code reason} is {@code OUT_OF_STOCK} or {@code UNKNOWN_PRODUCT}; nothing was
 * reserved.
 */
@JsonTypeName("StockReservationFailed")
public record StockReservationFailed(String orderId, String reason,
		List<String> unavailableSkus) implements InventoryEvent {
}
