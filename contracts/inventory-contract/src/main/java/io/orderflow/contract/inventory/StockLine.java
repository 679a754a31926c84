package io.orderflow.contract.inventory;

/** A quantity of one product. */
public record StockLine(String sku, int quantity) {
}
