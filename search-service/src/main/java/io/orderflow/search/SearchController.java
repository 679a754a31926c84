package io.orderflow.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.orderflow.web.ApiProblem;
import io.orderflow.web.security.CurrentClient;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search API. A client finds its own orders only; operators ({@code admin}) find
 * everybody's and may narrow them by {@code owner}. Products are for every client with
 * the {@code search} scope.
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

	private static final Set<String> STATUSES = Set.of("PENDING", "CONFIRMED", "CANCELLED");

	private static final int MAX_TEXT = 200;

	private final OrderSearch orders;

	private final ProductSearch products;

	SearchController(OrderSearch orders, ProductSearch products) {
		this.orders = orders;
		this.products = products;
	}

	@GetMapping("/orders")
	SearchPage<OrderHit> orders(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String customerId, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size, CurrentClient client) {
		SearchParameters parameters = new SearchParameters();
		OrderQuery query = new OrderQuery(parameters.text("q", q, MAX_TEXT),
				parameters.oneOf("status", status, STATUSES), parameters.text("customerId", customerId, 255),
				owner(parameters.text("owner", owner, 255), client), parameters.instant("from", from),
				parameters.instant("to", to), parameters.sort(sort, OrderSearch.SORT_FIELDS, OrderSearch.DEFAULT_SORT),
				parameters.page(page), parameters.size(size));
		parameters.check(query.from() == null || query.to() == null || !query.from().isAfter(query.to()), "to",
				"must not be before from");
		parameters.checkWindow(query.page(), query.size());
		parameters.validate();
		return this.orders.search(query);
	}

	@GetMapping("/products")
	SearchPage<ProductHit> products(@RequestParam(required = false) String q,
			@RequestParam(required = false) String category, @RequestParam(required = false) String minPrice,
			@RequestParam(required = false) String maxPrice, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
		SearchParameters parameters = new SearchParameters();
		String text = parameters.text("q", q, MAX_TEXT);
		ProductQuery query = new ProductQuery(text, parameters.text("category", category, 255),
				parameters.amount("minPrice", minPrice), parameters.amount("maxPrice", maxPrice),
				parameters.sort(sort, ProductSearch.SORT_FIELDS, ProductSearch.defaultSort(text != null)),
				parameters.page(page), parameters.size(size));
		parameters.check(
				query.minPrice() == null || query.maxPrice() == null
						|| query.minPrice().compareTo(query.maxPrice()) <= 0,
				"maxPrice", "must not be less than minPrice");
		parameters.checkWindow(query.page(), query.size());
		parameters.validate();
		return this.products.search(query);
	}

	@GetMapping("/products/suggest")
	Map<String, List<String>> suggest(@RequestParam(required = false) String prefix) {
		SearchParameters parameters = new SearchParameters();
		String text = parameters.required("prefix", prefix, 100);
		parameters.validate();
		return Map.of("suggestions", this.products.suggest(text));
	}

	/**
	 * Whose orders to search: the client's own, or for operators everybody's unless they
	 * name an owner.
	 */
	private static String owner(String requested, CurrentClient client) {
		if (client.isAdmin()) {
			return requested;
		}
		if (requested != null && !requested.equals(client.id())) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Only operators search other clients' orders.");
		}
		return client.id();
	}

}
