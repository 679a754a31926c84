package io.orderflow.contract.order;

import java.math.BigDecimal;

/** One line of an order; {@code unitPrice} is null until inventory has priced it. */
public record OrderLine(String sku, String name, int quantity, BigDecimal unitPrice) {
}
