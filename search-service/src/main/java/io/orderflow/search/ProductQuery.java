package io.orderflow.search;

import java.math.BigDecimal;

/** A validated product search. */
record ProductQuery(String text, String category, BigDecimal minPrice, BigDecimal maxPrice, Sorting sort, int page,
		int size) {
}
