package io.orderflow.inventory.web;

import java.util.List;

/** A keyset page; {@code nextCursor} is null on the last one. */
record ProductPageResponse(List<ProductResponse> items, String nextCursor) {
}
