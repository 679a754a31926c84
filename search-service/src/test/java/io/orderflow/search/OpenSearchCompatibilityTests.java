package io.orderflow.search;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSearchCompatibilityTests {

	private static final String VERSIONED = "application/vnd.elasticsearch+json; compatible-with=9";

	@Test
	void asksForPlainJsonInsteadOfTheVersionedMediaType() {
		BasicHttpRequest request = new BasicHttpRequest("PUT", "/orders/_doc/1");
		request.setHeader(HttpHeaders.CONTENT_TYPE, VERSIONED);
		request.setHeader(HttpHeaders.ACCEPT, VERSIONED);

		OpenSearchCompatibility.rewriteMediaTypes(request, null, null);

		assertThat(request.getFirstHeader(HttpHeaders.CONTENT_TYPE).getValue()).isEqualTo("application/json");
		assertThat(request.getFirstHeader(HttpHeaders.ACCEPT).getValue()).isEqualTo("application/json");
	}

	@Test
	void keepsABodyFromDeclaringTheVersionedMediaType() {
		BasicHttpRequest request = new BasicHttpRequest("POST", "/_bulk");

		OpenSearchCompatibility.rewriteMediaTypes(request,
				new BasicAsyncEntityProducer("{}", ContentType.parse(VERSIONED)), null);

		assertThat(request.getFirstHeader(HttpHeaders.CONTENT_TYPE).getValue()).isEqualTo("application/json");
	}

	@Test
	void asksForPlainNewlineDelimitedJsonForBulkBodies() {
		BasicHttpRequest request = new BasicHttpRequest("POST", "/_bulk");
		request.setHeader(HttpHeaders.CONTENT_TYPE, "application/vnd.elasticsearch+x-ndjson; compatible-with=9");

		OpenSearchCompatibility.rewriteMediaTypes(request, null, null);

		assertThat(request.getFirstHeader(HttpHeaders.CONTENT_TYPE).getValue()).isEqualTo("application/x-ndjson");
	}

	@Test
	void leavesOtherMediaTypesAlone() {
		BasicHttpRequest request = new BasicHttpRequest("POST", "/_bulk");
		request.setHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson");

		OpenSearchCompatibility.rewriteMediaTypes(request, null, null);

		assertThat(request.getFirstHeader(HttpHeaders.CONTENT_TYPE).getValue()).isEqualTo("application/x-ndjson");
		assertThat(request.containsHeader(HttpHeaders.ACCEPT)).isFalse();
	}

	@Test
	void presentsTheResponseAsComingFromElasticsearch() {
		BasicHttpResponse response = new BasicHttpResponse(200);

		OpenSearchCompatibility.addProductHeader(response, null, null);

		assertThat(response.getHeaders(OpenSearchCompatibility.PRODUCT_HEADER)).singleElement()
			.satisfies((header) -> assertThat(header.getValue()).isEqualTo("Elasticsearch"));
	}

}
