package io.orderflow.contract.inventory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Nothing was reserved. {@code reason} is one of:
 * <ul>
 * <li>{@code UNKNOWN_PRODUCT}: {@code unavailableSkus} name no product;</li>
 * <li>{@code MIXED_CURRENCY}: the products are priced in more than one currency, so the
 * order cannot have one total; {@code unavailableSkus} are all the order's skus;</li>
 * <li>{@code OUT_OF_STOCK}: {@code unavailableSkus} have less available than asked;</li>
 * <li>{@code ALREADY_RELEASED}: the order was released before (a ReleaseStock came first,
 * or after an earlier reservation); {@code unavailableSkus} is empty.</li>
 * </ul>
 * Checked in that order; {@code unavailableSkus} are in sku order.
 */
@JsonTypeName("StockReservationFailed")
public record StockReservationFailed(String orderId, String reason,
		List<String> unavailableSkus) implements InventoryEvent {
}
