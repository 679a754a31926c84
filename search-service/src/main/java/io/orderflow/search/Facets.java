package io.orderflow.search;

import java.util.LinkedHashMap;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;

/**
 * Facets whose counts add up to the total: every document falls in exactly one bucket,
 * documents without the field under {@value #NONE}, and the buckets beyond the largest
 * under {@value #OTHER}.
 */
final class Facets {

	static final String NONE = "(none)";

	static final String OTHER = "(other)";

	private Facets() {
	}

	static Aggregation terms(String field, int size) {
		return Aggregation
			.of((aggregation) -> aggregation.terms((terms) -> terms.field(field).size(size).missing(NONE)));
	}

	static Map<String, Long> counts(Aggregate aggregate) {
		StringTermsAggregate terms = aggregate.sterms();
		Map<String, Long> counts = new LinkedHashMap<>();
		terms.buckets().array().forEach((bucket) -> counts.put(bucket.key().stringValue(), bucket.docCount()));
		if (terms.sumOtherDocCount() != null && terms.sumOtherDocCount() > 0) {
			counts.put(OTHER, terms.sumOtherDocCount());
		}
		return counts;
	}

}
