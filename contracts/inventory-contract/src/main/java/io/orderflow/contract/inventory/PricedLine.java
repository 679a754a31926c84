package io.orderflow.contract.inventory;

import java.math.BigDecimal;

/** A reserved line with the price it was reserved at. */
public record PricedLine(String sku, String name, int quantity, BigDecimal unitPrice) {
}
