package io.orderflow.testinfra;

import java.io.IOException;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.orderflow.testinfra.boot.OpenSearchCompatibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SearchEngineIT {

	private final SearchEngine search = TestInfrastructure.search();

	private Rest5Client restClient;

	private ElasticsearchClient client;

	@BeforeEach
	void connect() {
		Rest5ClientBuilder builder = Rest5Client.builder(this.search.uri());
		if (this.search.needsElasticsearchCompatibility()) {
			builder.setHttpClientConfigCallback(new OpenSearchCompatibility()::customize);
		}
		this.restClient = builder.build();
		this.client = new ElasticsearchClient(new Rest5ClientTransport(this.restClient, new Jackson3JsonpMapper()));
	}

	@AfterEach
	void close() throws IOException {
		this.restClient.close();
	}

	@Test
	void findsAnIndexedDocumentByAWordOfItsText() throws IOException {
		this.client.index((index) -> index.index("products-find")
			.id("SKU-1")
			.document(Map.of("sku", "SKU-1", "name", "Blue espresso cup"))
			.refresh(Refresh.True));

		SearchResponse<Map> found = this.client.search((search) -> search.index("products-find")
			.query((query) -> query.match((match) -> match.field("name").query("espresso"))), Map.class);

		assertThat(found.hits().hits()).singleElement().satisfies((hit) -> assertThat(hit.id()).isEqualTo("SKU-1"));
	}

	@Test
	void rejectsAStaleExternalVersion() throws IOException {
		indexOrder(5, "CONFIRMED");

		ElasticsearchException stale = catchThrowableOfType(ElasticsearchException.class,
				() -> indexOrder(3, "PENDING"));

		assertThat(stale.status()).isEqualTo(409);
		GetResponse<Map> stored = this.client.get((get) -> get.index("orders-versioned").id("order-1"), Map.class);
		assertThat(stored.version()).isEqualTo(5);
		assertThat(stored.source()).containsEntry("status", "CONFIRMED");
	}

	private void indexOrder(long version, String status) throws IOException {
		this.client.index((index) -> index.index("orders-versioned")
			.id("order-1")
			.version(version)
			.versionType(VersionType.External)
			.document(Map.of("orderId", "order-1", "status", status)));
	}

}
