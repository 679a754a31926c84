package io.orderflow.search;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads the current state of every order and product from the services that own them,
 * page by page with their keyset cursors: order-service lists every client's orders to an
 * {@code admin} token, inventory-service every product.
 */
class SourceServices {

	private final RestClient client;

	private final URI orders;

	private final URI products;

	private final int pageSize;

	SourceServices(RestClient client, URI orders, URI products, int pageSize) {
		this.client = client;
		this.orders = orders;
		this.products = products;
		this.pageSize = pageSize;
	}

	Page<SourceOrder> orders(String cursor) {
		return this.client.get()
			.uri(page(this.orders, "/api/v1/orders", cursor))
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Page<SourceOrder>>() {
			});
	}

	Page<SourceProduct> products(String cursor) {
		return this.client.get()
			.uri(page(this.products, "/api/v1/products", cursor))
			.retrieve()
			.body(new org.springframework.core.ParameterizedTypeReference<Page<SourceProduct>>() {
			});
	}

	private URI page(URI base, String path, String cursor) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(base).path(path).queryParam("limit", this.pageSize);
		if (cursor != null) {
			uri.queryParam("cursor", cursor);
		}
		return uri.encode().build().toUri();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page<T>(List<T> items, String nextCursor) {

		Page {
			items = (items != null) ? List.copyOf(items) : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SourceOrder(String orderId, String owner, String customerId, String status, String cancellationReason,
			List<Line> items, BigDecimal total, String currency, Instant createdAt, Instant updatedAt, long version) {

		OrderDocument document() {
			List<OrderDocument.Line> lines = (this.items != null) ? this.items.stream()
				.map((line) -> new OrderDocument.Line(line.sku(), line.name(), line.quantity(), line.unitPrice()))
				.toList() : List.of();
			return new OrderDocument(this.orderId, this.owner, this.customerId, this.status, this.cancellationReason,
					lines, this.total, this.currency, this.createdAt, this.updatedAt, this.version);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(String sku, String name, int quantity, BigDecimal unitPrice) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record SourceProduct(String sku, String name, String description, String category, BigDecimal price,
			String currency, int available, int reserved, int sold, Instant updatedAt, long version) {

		ProductDocument document() {
			return new ProductDocument(this.sku, this.name, this.description, this.category, this.price, this.currency,
					this.available, this.reserved, this.sold, this.updatedAt, this.version);
		}

	}

}
