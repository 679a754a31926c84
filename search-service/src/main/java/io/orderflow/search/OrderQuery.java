package io.orderflow.search;

import java.time.Instant;

/**
 * A validated order search. {@code owner} is the client whose orders are searched, null
 * for every client's (operators only).
 */
record OrderQuery(String text, String status, String customerId, String owner, Instant from, Instant to, Sorting sort,
		int page, int size) {
}
