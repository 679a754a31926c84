package io.orderflow.search;

/**
 * A sort order of the search API, {@code field,asc|desc}, resolved to the index field it
 * sorts on ({@code _score} for relevance).
 */
record Sorting(String field, boolean ascending) {

	static final String RELEVANCE = "_score";

	boolean byRelevance() {
		return RELEVANCE.equals(this.field);
	}

}
