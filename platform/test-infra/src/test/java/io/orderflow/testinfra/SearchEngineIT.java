package io.orderflow.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine over plain HTTP, as any client sees it: the Elasticsearch Java client's own
 * adaptation to OpenSearch belongs to search-service and is tested there.
 */
class SearchEngineIT {

	private final SearchEngine search = TestInfrastructure.search();

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void close() {
		this.http.close();
	}

	@Test
	void findsAnIndexedDocumentByAWordOfItsText() throws Exception {
		send("PUT", "/products-find/_doc/SKU-1?refresh=true", "{\"sku\":\"SKU-1\",\"name\":\"Blue espresso cup\"}");

		HttpResponse<String> found = send("POST", "/products-find/_search",
				"{\"query\":{\"match\":{\"name\":\"espresso\"}}}");

		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("\"_id\":\"SKU-1\"");
	}

	@Test
	void rejectsAStaleExternalVersion() throws Exception {
		assertThat(indexOrder(5, "CONFIRMED").statusCode()).isIn(200, 201);

		HttpResponse<String> stale = indexOrder(3, "PENDING");

		assertThat(stale.statusCode()).isEqualTo(409);
		HttpResponse<String> stored = send("GET", "/orders-versioned/_doc/order-1", null);
		assertThat(stored.body()).contains("\"_version\":5").contains("\"status\":\"CONFIRMED\"");
	}

	private HttpResponse<String> indexOrder(long version, String status) throws Exception {
		return send("PUT", "/orders-versioned/_doc/order-1?version_type=external&version=" + version,
				"{\"orderId\":\"order-1\",\"status\":\"" + status + "\"}");
	}

	private HttpResponse<String> send(String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.search.uri() + path))
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
