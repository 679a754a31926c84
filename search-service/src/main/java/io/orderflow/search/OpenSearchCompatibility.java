package io.orderflow.search;

import java.util.Locale;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;

import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;

/**
 * Lets the Elasticsearch Java client (9.x) talk to OpenSearch, which the embedded stack
 * and the tests run because no Elasticsearch 8 or 9 server can be had from the package
 * registries. Against Elasticsearch the client is used as shipped.
 * <p>
 * Two differences break the client as shipped: OpenSearch answers 406 to the client's
 * versioned media type ({@code application/vnd.elasticsearch+json; compatible-with=9}),
 * and the client refuses any response without {@code X-Elastic-Product: Elasticsearch}.
 * This rewrites the request's {@code Content-Type} and {@code Accept} to
 * {@code application/json} ({@code application/x-ndjson} for bulk bodies) and adds the
 * product header to responses. {@code info()} still fails (OpenSearch sends no
 * {@code build_flavor}): check health with {@code /_cluster/health}.
 * <p>
 * Switched on by {@value #PROPERTY}{@code =true}; outside Spring, apply it with
 * {@code builder.setHttpClientConfigCallback(new OpenSearchCompatibility()::customize)}.
 */
class OpenSearchCompatibility implements Rest5ClientBuilderCustomizer {

	static final String PROPERTY = "orderflow.search.opensearch-compatibility";

	static final String PRODUCT_HEADER = "X-Elastic-Product";

	private static final String JSON = "application/json";

	private static final String NDJSON = "application/x-ndjson";

	@Override
	public void customize(Rest5ClientBuilder builder) {
		// Nothing at the builder level: the headers are rewritten per request below.
	}

	@Override
	public void customize(HttpAsyncClientBuilder builder) {
		builder.addRequestInterceptorLast(OpenSearchCompatibility::rewriteMediaTypes);
		builder.addResponseInterceptorFirst(OpenSearchCompatibility::addProductHeader);
	}

	static void rewriteMediaTypes(HttpRequest request, EntityDetails entity, HttpContext context) {
		for (String name : new String[] { HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT }) {
			Header header = request.getFirstHeader(name);
			if (header != null && isVersioned(header.getValue())) {
				request.setHeader(name, plain(header.getValue()));
			}
		}
		// The body's own type becomes the header when none is set: keep it from doing so.
		if (entity != null && !request.containsHeader(HttpHeaders.CONTENT_TYPE)
				&& isVersioned(entity.getContentType())) {
			request.setHeader(HttpHeaders.CONTENT_TYPE, plain(entity.getContentType()));
		}
	}

	static void addProductHeader(HttpResponse response, EntityDetails entity, HttpContext context) {
		if (!response.containsHeader(PRODUCT_HEADER)) {
			response.addHeader(PRODUCT_HEADER, "Elasticsearch");
		}
	}

	private static String plain(String versioned) {
		return versioned.toLowerCase(Locale.ROOT).contains("ndjson") ? NDJSON : JSON;
	}

	private static boolean isVersioned(String mediaType) {
		return mediaType != null && mediaType.toLowerCase(Locale.ROOT).contains("compatible-with");
	}

}
