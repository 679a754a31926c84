package io.orderflow.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import org.springframework.stereotype.Service;

/**
 * Searches the {@code orders} index: full text with fuzziness over product names,
 * customer, skus and order id, filters, facets by status and currency, sort and paging.
 */
@Service
class OrderSearch {

	/** The sort fields of the API and the index fields they sort on. */
	static final Map<String, String> SORT_FIELDS = Map.of("placedAt", "placedAt", "createdAt", "placedAt", "updatedAt",
			"updatedAt", "total", "total", "customerId", "customerId", "status", "status", "orderId", "orderId");

	static final Sorting DEFAULT_SORT = new Sorting("placedAt", false);

	private final ElasticsearchClient client;

	private final SearchIndices indices;

	OrderSearch(ElasticsearchClient client, SearchIndices indices) {
		this.client = client;
		this.indices = indices;
	}

	SearchPage<OrderHit> search(OrderQuery query) {
		this.indices.ensure(SearchIndex.ORDERS);
		SearchResponse<OrderDocument> response = EngineCalls.call("Search orders",
				() -> this.client.search((search) -> search.index(SearchIndex.ORDERS.alias())
					.query(query(query))
					.from(query.page() * query.size())
					.size(query.size())
					.trackTotalHits((total) -> total.enabled(true))
					.sort((sort) -> sort.field((field) -> field.field(query.sort().field())
						.order(query.sort().ascending() ? SortOrder.Asc : SortOrder.Desc)))
					.sort((sort) -> sort.field((field) -> field.field("orderId").order(SortOrder.Asc)))
					.aggregations("status", Facets.terms("status", 10))
					.aggregations("currency", Facets.terms("currency", 20)), OrderDocument.class));
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		facets.put("status", Facets.counts(response.aggregations().get("status")));
		facets.put("currency", Facets.counts(response.aggregations().get("currency")));
		List<OrderHit> items = response.hits().hits().stream().map(Hit::source).map(OrderHit::of).toList();
		return new SearchPage<>(items, response.hits().total().value(), query.page(), query.size(), facets);
	}

	private static Query query(OrderQuery query) {
		List<Query> filters = new ArrayList<>();
		if (query.owner() != null) {
			filters.add(term("owner", query.owner()));
		}
		if (query.status() != null) {
			filters.add(term("status", query.status()));
		}
		if (query.customerId() != null) {
			filters.add(term("customerId", query.customerId()));
		}
		if (query.from() != null || query.to() != null) {
			filters.add(Query.of((q) -> q.range((range) -> range.date((date) -> {
				date.field("placedAt");
				if (query.from() != null) {
					date.gte(query.from().toString());
				}
				if (query.to() != null) {
					date.lte(query.to().toString());
				}
				return date;
			}))));
		}
		return Query.of((q) -> q.bool((bool) -> {
			bool.filter(filters);
			if (query.text() != null) {
				bool.must(text(query.text()));
			}
			return bool;
		}));
	}

	/**
	 * Any of: product names and the customer with typos allowed, an exact sku, order id
	 * or customer id.
	 */
	private static Query text(String text) {
		return Query.of((q) -> q.bool((bool) -> bool
			.should((should) -> should.multiMatch((match) -> match.query(text)
				.fields("items.name^3", "customerId.text")
				.type(TextQueryType.BestFields)
				.fuzziness("AUTO")))
			.should((should) -> should.match((match) -> match.field("items.sku").query(text)))
			.should((should) -> should.term((term) -> term.field("orderId").value(text).boost(5.0f)))
			.should((should) -> should.term((term) -> term.field("customerId").value(text).boost(5.0f)))
			.minimumShouldMatch("1")));
	}

	private static Query term(String field, String value) {
		return Query.of((q) -> q.term((term) -> term.field(field).value(value)));
	}

}
