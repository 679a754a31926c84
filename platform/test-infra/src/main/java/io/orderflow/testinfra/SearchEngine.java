package io.orderflow.testinfra;

import java.net.URI;

/**
 * A single-node search engine speaking the Elasticsearch REST API over plain HTTP without
 * authentication: Elasticsearch in a container, OpenSearch embedded.
 * <p>
 * The Elasticsearch Java client talks to OpenSearch only with its headers adapted
 * (search-service's {@code OpenSearchCompatibility}); the Spring wiring sets
 * {@code orderflow.search.opensearch-compatibility=true} by itself when
 * {@link #needsElasticsearchCompatibility()}.
 */
public final class SearchEngine extends Server {

	private final String host;

	private final int port;

	private final Distribution distribution;

	SearchEngine(ServerProcess process, String host, int port, Distribution distribution) {
		super(process);
		this.host = host;
		this.port = port;
		this.distribution = distribution;
	}

	/** {@code http://host:port}. */
	public URI uri() {
		return URI.create("http://" + this.host + ":" + this.port);
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	public Distribution distribution() {
		return this.distribution;
	}

	/**
	 * Whether the Elasticsearch Java client needs its headers adapted to talk to this
	 * engine.
	 */
	public boolean needsElasticsearchCompatibility() {
		return this.distribution == Distribution.OPENSEARCH;
	}

	/** Which engine answers. */
	public enum Distribution {

		ELASTICSEARCH, OPENSEARCH

	}

}
