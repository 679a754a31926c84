package io.orderflow.search;

import java.util.Locale;
import java.util.Optional;

/**
 * The indices of the projection. Clients and listeners only ever name the aliases: the
 * live one ({@code orders}) that reads and writes go to, and while a reindex runs, the
 * building one ({@code orders-building}) on the index that will replace it.
 */
enum SearchIndex {

	ORDERS, PRODUCTS;

	/** {@code orders}: the alias every read and write goes to. */
	String alias() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** {@code orders-building}: the alias of the index a reindex is filling. */
	String buildingAlias() {
		return alias() + "-building";
	}

	/** The first concrete index, made at start when the alias is missing. */
	String initialIndex() {
		return alias() + "-initial";
	}

	/** The settings and mappings of its concrete indices. */
	String definition() {
		return "search/" + alias() + ".json";
	}

	static Optional<SearchIndex> named(String alias) {
		for (SearchIndex index : values()) {
			if (index.alias().equals(alias)) {
				return Optional.of(index);
			}
		}
		return Optional.empty();
	}

}
