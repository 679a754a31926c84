package io.orderflow.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A reindex as operators see it and as it is kept in the {@code search-reindex} index, so
 * that any instance answers for it: its state, and per index the concrete indices
 * involved, what was read from the source, applied, and found already newer in the new
 * index (written there by the listeners meanwhile).
 */
record ReindexStatus(String id, State state, List<Part> indices, Instant startedAt, Instant updatedAt,
		Instant finishedAt, String error) {

	ReindexStatus {
		indices = List.copyOf(indices);
	}

	static ReindexStatus started(String id, List<SearchIndex> indices, Instant now) {
		return new ReindexStatus(id, State.RUNNING,
				indices.stream()
					.map((index) -> new Part(index.alias(), State.RUNNING, List.of(), null, 0, 0, 0, null, null, null))
					.toList(),
				now, now, null, null);
	}

	ReindexStatus with(Part part, Instant now) {
		List<Part> parts = new ArrayList<>(this.indices);
		parts.replaceAll((each) -> each.index().equals(part.index()) ? part : each);
		return new ReindexStatus(this.id, this.state, parts, this.startedAt, now, this.finishedAt, this.error);
	}

	ReindexStatus finished(Instant now) {
		Part failed = this.indices.stream().filter((part) -> part.state() == State.FAILED).findFirst().orElse(null);
		return new ReindexStatus(this.id, (failed != null) ? State.FAILED : State.COMPLETED, this.indices,
				this.startedAt, now, now, (failed != null) ? failed.error() : null);
	}

	ReindexStatus failed(String error, Instant now) {
		return new ReindexStatus(this.id, State.FAILED, this.indices, this.startedAt, now, now, error);
	}

	Part part(SearchIndex index) {
		return this.indices.stream().filter((part) -> part.index().equals(index.alias())).findFirst().orElseThrow();
	}

	enum State {

		RUNNING, COMPLETED, FAILED

	}

	/**
	 * One index of the reindex.
	 *
	 * @param index the alias
	 * @param previousIndices the concrete indices the alias pointed at, deleted after the
	 * swap
	 * @param newIndex the concrete index built
	 * @param read documents read from the source
	 * @param applied documents written to the new index
	 * @param alreadyNewer documents the new index already held in the same or a newer
	 * version
	 */
	record Part(String index, State state, List<String> previousIndices, String newIndex, long read, long applied,
			long alreadyNewer, Instant startedAt, Instant finishedAt, String error) {

		Part {
			previousIndices = (previousIndices != null) ? List.copyOf(previousIndices) : List.of();
		}

		Part building(List<String> previous, String next, Instant now) {
			return new Part(this.index, State.RUNNING, previous, next, 0, 0, 0, now, null, null);
		}

		Part progressed(long read, IndexWriter.Backfilled page) {
			return new Part(this.index, this.state, this.previousIndices, this.newIndex, this.read + read,
					this.applied + page.applied(), this.alreadyNewer + page.newer(), this.startedAt, null, null);
		}

		Part completed(Instant now) {
			return new Part(this.index, State.COMPLETED, this.previousIndices, this.newIndex, this.read, this.applied,
					this.alreadyNewer, this.startedAt, now, null);
		}

		Part failed(String error, Instant now) {
			return new Part(this.index, State.FAILED, this.previousIndices, this.newIndex, this.read, this.applied,
					this.alreadyNewer, this.startedAt, now, error);
		}

	}

}
