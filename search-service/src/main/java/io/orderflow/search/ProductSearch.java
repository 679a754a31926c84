package io.orderflow.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.springframework.stereotype.Service;

/**
 * Searches the {@code products} index: full text with fuzziness over name, description,
 * category and sku, category and price filters, facets by category and price range, sort,
 * paging, and name suggestions by prefix.
 */
@Service
class ProductSearch {

	static final Map<String, String> SORT_FIELDS = Map.of("relevance", Sorting.RELEVANCE, "name", "name.keyword",
			"price", "price", "sku", "sku", "category", "category", "updatedAt", "updatedAt", "available", "available");

	static final int MAX_SUGGESTIONS = 10;

	/** Upper bounds of the price facet's ranges; the last range is open. */
	private static final double[] PRICE_BOUNDS = { 10, 50, 100 };

	private final ElasticsearchClient client;

	private final SearchIndices indices;

	ProductSearch(ElasticsearchClient client, SearchIndices indices) {
		this.client = client;
		this.indices = indices;
	}

	/** Relevance when there is text to be relevant to, otherwise by name. */
	static Sorting defaultSort(boolean hasText) {
		return hasText ? new Sorting(Sorting.RELEVANCE, false) : new Sorting("name.keyword", true);
	}

	SearchPage<ProductHit> search(ProductQuery query) {
		this.indices.ensure(SearchIndex.PRODUCTS);
		SearchResponse<ProductDocument> response = EngineCalls.call("Search products",
				() -> this.client.search((search) -> {
					search.index(SearchIndex.PRODUCTS.alias())
						.query(query(query))
						.from(query.page() * query.size())
						.size(query.size())
						.trackTotalHits((total) -> total.enabled(true));
					SortOrder order = query.sort().ascending() ? SortOrder.Asc : SortOrder.Desc;
					if (query.sort().byRelevance()) {
						search.sort((sort) -> sort.score((score) -> score.order(order)));
					}
					else {
						search.sort((sort) -> sort.field((field) -> field.field(query.sort().field()).order(order)));
					}
					return search.sort((sort) -> sort.field((field) -> field.field("sku").order(SortOrder.Asc)))
						.aggregations("category", Facets.terms("category", 50))
						.aggregations("price", priceRanges());
				}, ProductDocument.class));
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		facets.put("category", Facets.counts(response.aggregations().get("category")));
		Map<String, Long> prices = new LinkedHashMap<>();
		response.aggregations()
			.get("price")
			.range()
			.buckets()
			.array()
			.forEach((bucket) -> prices.put(bucket.key(), bucket.docCount()));
		facets.put("price", prices);
		List<ProductHit> items = response.hits().hits().stream().map(Hit::source).map(ProductHit::of).toList();
		return new SearchPage<>(items, response.hits().total().value(), query.page(), query.size(), facets);
	}

	/** Up to ten distinct product names with a word starting with {@code prefix}. */
	List<String> suggest(String prefix) {
		this.indices.ensure(SearchIndex.PRODUCTS);
		SearchResponse<ProductDocument> response = EngineCalls.call("Suggest products",
				() -> this.client.search(
						(search) -> search.index(SearchIndex.PRODUCTS.alias())
							.query((q) -> q
								.match((match) -> match.field("name.prefix").query(prefix).operator(Operator.And)))
							.size(MAX_SUGGESTIONS * 3)
							.sort((sort) -> sort.score((score) -> score.order(SortOrder.Desc)))
							.sort((sort) -> sort.field((field) -> field.field("name.keyword").order(SortOrder.Asc))),
						ProductDocument.class));
		Set<String> names = new LinkedHashSet<>();
		for (Hit<ProductDocument> hit : response.hits().hits()) {
			if (hit.source() != null && hit.source().name() != null && names.size() < MAX_SUGGESTIONS) {
				names.add(hit.source().name());
			}
		}
		return List.copyOf(names);
	}

	private static Query query(ProductQuery query) {
		List<Query> filters = new ArrayList<>();
		if (query.category() != null) {
			filters.add(Query.of((q) -> q.term((term) -> term.field("category").value(query.category()))));
		}
		if (query.minPrice() != null || query.maxPrice() != null) {
			filters.add(Query.of((q) -> q.range((range) -> range.number((number) -> {
				number.field("price");
				if (query.minPrice() != null) {
					number.gte(query.minPrice().doubleValue());
				}
				if (query.maxPrice() != null) {
					number.lte(query.maxPrice().doubleValue());
				}
				return number;
			}))));
		}
		return Query.of((q) -> q.bool((bool) -> {
			bool.filter(filters);
			if (query.text() != null) {
				bool.must((must) -> must.bool((text) -> text
					.should((should) -> should.multiMatch((match) -> match.query(query.text())
						.fields("name^3", "description", "category")
						.type(TextQueryType.BestFields)
						.fuzziness("AUTO")))
					.should((should) -> should.match((match) -> match.field("sku").query(query.text()).boost(5.0f)))
					.minimumShouldMatch("1")));
			}
			return bool;
		}));
	}

	private static Aggregation priceRanges() {
		return Aggregation.of((aggregation) -> aggregation.range((range) -> {
			range.field("price");
			double from = 0;
			for (double bound : PRICE_BOUNDS) {
				double lower = from;
				// The first range is open below, so that every price falls in one bucket.
				range.ranges((bucket) -> {
					bucket.key(label(lower) + "-" + label(bound)).to(bound);
					return (lower > 0) ? bucket.from(lower) : bucket;
				});
				from = bound;
			}
			double last = from;
			return range.ranges((bucket) -> bucket.key(label(last) + "-*").from(last));
		}));
	}

	private static String label(double bound) {
		return Long.toString((long) bound);
	}

}
