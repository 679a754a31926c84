package io.orderflow.contract.inventory;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

@JsonTypeName("StockReserved")
public record StockReserved(String orderId, List<PricedLine> lines, BigDecimal total,
		String currency) implements InventoryEvent {
}
