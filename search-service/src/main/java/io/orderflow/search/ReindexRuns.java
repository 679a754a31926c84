package io.orderflow.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch.core.GetResponse;

import org.springframework.stereotype.Component;

/**
 * Reindexes as documents of the {@code search-reindex} index: their status, readable on
 * every instance, and one lock per index, so that only one reindex of an index runs at a
 * time across instances. A lock whose reindex stopped making progress (its instance died)
 * may be taken over.
 */
@Component
class ReindexRuns {

	private final ElasticsearchClient client;

	private final SearchIndices indices;

	private final Duration abandonedAfter;

	ReindexRuns(ElasticsearchClient client, SearchIndices indices, SearchProperties properties) {
		this.client = client;
		this.indices = indices;
		this.abandonedAfter = properties.reindex().abandonedAfter();
	}

	void save(ReindexStatus status) {
		this.indices.ensureReindexState();
		EngineCalls.call("Save reindex " + status.id(), () -> this.client
			.index((index) -> index.index(SearchIndices.REINDEX_STATE).id(status.id()).document(status)));
	}

	Optional<ReindexStatus> find(String id) {
		this.indices.ensureReindexState();
		GetResponse<ReindexStatus> found = EngineCalls.call("Read reindex " + id,
				() -> this.client.get((get) -> get.index(SearchIndices.REINDEX_STATE).id(id), ReindexStatus.class));
		return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
	}

	/**
	 * Takes the lock of {@code index} for {@code reindexId}.
	 * @return false when another reindex of the index is running
	 */
	boolean lock(SearchIndex index, String reindexId, Instant now) {
		this.indices.ensureReindexState();
		Lock lock = new Lock(reindexId, now);
		try {
			EngineCalls.call("Lock " + index.alias(),
					() -> this.client.index((request) -> request.index(SearchIndices.REINDEX_STATE)
						.id(lockId(index))
						.opType(OpType.Create)
						.document(lock)));
			return true;
		}
		catch (ElasticsearchException ex) {
			if (ex.status() != 409) {
				throw ex;
			}
		}
		GetResponse<Lock> held = EngineCalls.call("Read lock " + index.alias(),
				() -> this.client.get((get) -> get.index(SearchIndices.REINDEX_STATE).id(lockId(index)), Lock.class));
		if (!held.found() || held.source() == null || !isAbandoned(held.source(), now)) {
			return false;
		}
		try {
			EngineCalls.call("Take over lock " + index.alias(),
					() -> this.client.index((request) -> request.index(SearchIndices.REINDEX_STATE)
						.id(lockId(index))
						.ifSeqNo(held.seqNo())
						.ifPrimaryTerm(held.primaryTerm())
						.document(lock)));
			return true;
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 409) {
				return false;
			}
			throw ex;
		}
	}

	/** Releases the lock of {@code index} if {@code reindexId} still holds it. */
	void unlock(SearchIndex index, String reindexId) {
		GetResponse<Lock> held = EngineCalls.call("Read lock " + index.alias(),
				() -> this.client.get((get) -> get.index(SearchIndices.REINDEX_STATE).id(lockId(index)), Lock.class));
		if (held.found() && held.source() != null && reindexId.equals(held.source().reindexId())) {
			try {
				EngineCalls.call("Unlock " + index.alias(),
						() -> this.client.delete((delete) -> delete.index(SearchIndices.REINDEX_STATE)
							.id(lockId(index))
							.ifSeqNo(held.seqNo())
							.ifPrimaryTerm(held.primaryTerm())));
			}
			catch (ElasticsearchException ex) {
				if (ex.status() != 409 && ex.status() != 404) {
					throw ex;
				}
			}
		}
	}

	private boolean isAbandoned(Lock lock, Instant now) {
		Optional<ReindexStatus> holder = find(lock.reindexId());
		if (holder.isEmpty()) {
			return lock.takenAt().isBefore(now.minus(this.abandonedAfter));
		}
		ReindexStatus status = holder.get();
		return status.state() != ReindexStatus.State.RUNNING
				|| status.updatedAt().isBefore(now.minus(this.abandonedAfter));
	}

	private static String lockId(SearchIndex index) {
		return "lock-" + index.alias();
	}

	record Lock(String reindexId, Instant takenAt) {
	}

}
