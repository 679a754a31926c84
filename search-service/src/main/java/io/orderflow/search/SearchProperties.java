package io.orderflow.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderflow.search.*}: the defaults run the embedded stack.
 *
 * @param opensearchCompatibility whether the engine is OpenSearch, which the
 * Elasticsearch client reaches only with {@link OpenSearchCompatibility} (the embedded
 * stack and the tests); off against Elasticsearch
 * @param retryAfter the {@code Retry-After} of a 503 while the engine is unreachable
 * @param buildingAliasRefresh how long the listeners trust what they last saw of a
 * reindex in progress (whether an index is being built); a reindex waits longer than this
 * before it reads the sources
 * @param reindex the rebuild of an index from the source services
 * @param sources the services the reindex reads, and how it authenticates to them
 */
@ConfigurationProperties("orderflow.search")
record SearchProperties(@DefaultValue("false") boolean opensearchCompatibility, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("1s") Duration buildingAliasRefresh, @DefaultValue Reindex reindex,
		@DefaultValue Sources sources) {

	/**
	 * @param settle the wait between creating the new index and reading the sources:
	 * longer than {@code building-alias-refresh}, so every event handled after it is
	 * written to the new index too, and every event handled before it is already in the
	 * sources' state
	 * @param pageSize items per page read from a source (at most 100)
	 * @param abandonedAfter how long a running reindex may go without progress before
	 * another may take over its index (its instance died)
	 */
	record Reindex(@DefaultValue("2500ms") Duration settle, @DefaultValue("100") int pageSize,
			@DefaultValue("2m") Duration abandonedAfter) {
	}

	/**
	 * @param orders the base URL of order-service, by discovery name
	 * @param products the base URL of inventory-service, by discovery name
	 * @param timeout connect and read timeout of a source request
	 * @param client this service's OAuth2 client (client credentials); {@code admin} is
	 * needed because only operators list every client's orders
	 */
	record Sources(@DefaultValue("http://order-service") URI orders,
			@DefaultValue("http://inventory-service") URI products, @DefaultValue("10s") Duration timeout,
			@DefaultValue Client client) {
	}

	/**
	 * @param id the client id registered at the auth-server
	 * @param secret its secret: a development default, overridden by the environment
	 * outside the embedded stack
	 * @param tokenUri the auth-server's token endpoint
	 * @param scopes the scopes asked for
	 */
	record Client(@DefaultValue("search-service") String id, @DefaultValue("search-secret") String secret,
			@DefaultValue("http://127.0.0.1:9000/oauth2/token") URI tokenUri, @DefaultValue( {
					"orders:read", "products:read", "admin" }) List<String> scopes){
	}

}
