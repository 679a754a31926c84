package io.orderflow.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Writes documents with the source's version as their external version: the engine keeps
 * a document only when its version is higher than the stored one, so a duplicate or
 * out-of-order event is rejected (409), counted as stale
 * ({@code search.projection.stale}, by index) and never applied, whatever order the
 * events arrive in. While a reindex fills a new index, every write goes to it as well.
 */
@Component
class IndexWriter {

	private final ElasticsearchClient client;

	private final SearchIndices indices;

	private final Map<SearchIndex, Counter> applied = new EnumMap<>(SearchIndex.class);

	private final Map<SearchIndex, Counter> stale = new EnumMap<>(SearchIndex.class);

	IndexWriter(ElasticsearchClient client, SearchIndices indices, MeterRegistry registry) {
		this.client = client;
		this.indices = indices;
		// Registered once, not looked up by name and tags for every event.
		for (SearchIndex index : SearchIndex.values()) {
			this.applied.put(index, registry.counter("search.projection.applied", "index", index.alias()));
			this.stale.put(index, registry.counter("search.projection.stale", "index", index.alias()));
		}
	}

	/**
	 * @return whether the document was applied, false when it was stale
	 */
	boolean write(SearchIndex index, String id, long version, Object document) {
		this.indices.ensure(index);
		boolean applied = index(index.alias(), id, version, document);
		(applied ? this.applied : this.stale).get(index).increment();
		if (this.indices.isBuilding(index)) {
			try {
				// A conflict here only means the backfill got there first with the same
				// or a newer version.
				index(index.buildingAlias(), id, version, document);
			}
			catch (ElasticsearchException ex) {
				// The reindex ended (alias swapped or abandoned) since it was seen.
				if (ex.status() != 404) {
					throw ex;
				}
			}
		}
		return applied;
	}

	/**
	 * Writes a reindex's page into the index being built, with the same external versions
	 * as the listeners: whichever of the two writes a document first, the newer version
	 * stays.
	 * @return how many were applied and how many were already there as new or newer
	 */
	Backfilled backfill(String concreteIndex, List<Versioned> documents) {
		if (documents.isEmpty()) {
			return new Backfilled(0, 0);
		}
		BulkResponse response = EngineCalls.call("Backfill " + concreteIndex, () -> this.client.bulk((bulk) -> {
			for (Versioned document : documents) {
				bulk.operations((operation) -> operation.index((index) -> index.index(concreteIndex)
					.id(document.id())
					.version(document.version())
					.versionType(VersionType.External)
					.document(document.document())));
			}
			return bulk;
		}));
		long applied = 0;
		long newer = 0;
		for (BulkResponseItem item : response.items()) {
			if (item.error() == null) {
				applied++;
			}
			else if (item.status() == 409) {
				newer++;
			}
			else if (EngineCalls.isUnavailable(item.status())) {
				throw new SearchUnavailable("Backfill " + concreteIndex + ": " + item.error().reason(), null);
			}
			else {
				throw new IllegalStateException("Backfill of " + item.id() + " into " + concreteIndex + " failed: "
						+ item.error().type() + " " + item.error().reason());
			}
		}
		return new Backfilled(applied, newer);
	}

	/**
	 * @return false on a version conflict
	 */
	private boolean index(String alias, String id, long version, Object document) {
		return EngineCalls.call("Index " + id + " into " + alias, () -> {
			try {
				// Only through an alias: a write must never create an index of its own.
				this.client.index((request) -> request.index(alias)
					.id(id)
					.version(version)
					.versionType(VersionType.External)
					.requireAlias(true)
					.document(document));
				return true;
			}
			catch (ElasticsearchException ex) {
				if (ex.status() == 409) {
					return false;
				}
				throw ex;
			}
		});
	}

	/** A document to write with its external version. */
	record Versioned(String id, long version, Object document) {
	}

	record Backfilled(long applied, long newer) {
	}

}
