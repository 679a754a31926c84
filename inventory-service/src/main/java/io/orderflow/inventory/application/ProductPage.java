package io.orderflow.inventory.application;

import java.util.List;
import java.util.Optional;

import io.orderflow.inventory.domain.Product;

/**
 * Products in sku order; {@code nextAfter} is the sku to continue after when there are
 * more.
 */
public record ProductPage(List<Product> items, Optional<String> nextAfter) {
}
