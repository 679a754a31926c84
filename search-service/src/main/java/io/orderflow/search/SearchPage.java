package io.orderflow.search;

import java.util.List;
import java.util.Map;

/**
 * A page of search results: {@code total} hits in all, of which {@code items} are page
 * {@code page} of {@code size}; each facet's counts add up to {@code total}.
 */
record SearchPage<T>(List<T> items, long total, int page, int size, Map<String, Map<String, Long>> facets) {

	SearchPage {
		items = List.copyOf(items);
		facets = Map.copyOf(facets);
	}

}
