package io.orderflow.search;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.orderflow.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Rebuilds an index from its source service without downtime and without losing the
 * updates that arrive meanwhile:
 * <ol>
 * <li>a new concrete index is created behind the building alias; from the moment the
 * listeners see that alias (within {@code building-alias-refresh}) they write every event
 * to it as well as to the live index;</li>
 * <li>after {@code settle}, longer than that, the sources are read page by page: every
 * event handled before is already part of the state they serve (they publish after they
 * commit), every event handled after reaches the new index itself;</li>
 * <li>backfill and listeners write with the same external versions, so whichever comes
 * second with an older version is refused, in any order;</li>
 * <li>one {@code _aliases} request moves the live alias onto the new index (reads went to
 * the old one until then), then the old index is deleted.</li>
 * </ol>
 * On failure the new index is deleted and the live one stays as it was.
 */
@Service
class Reindex implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Reindex.class);

	private final SearchIndices indices;

	private final IndexWriter writer;

	private final ReindexRuns runs;

	private final SourceServices sources;

	private final Clock clock;

	private final Duration settle;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	Reindex(SearchIndices indices, IndexWriter writer, ReindexRuns runs, SourceServices sources, Clock clock,
			SearchProperties properties) {
		this.indices = indices;
		this.writer = writer;
		this.runs = runs;
		this.sources = sources;
		this.clock = clock;
		this.settle = properties.reindex().settle();
	}

	/**
	 * Starts rebuilding {@code targets} in the background.
	 * @throws ApiProblem 409 when one of them is being rebuilt already
	 */
	ReindexStatus start(List<SearchIndex> targets) {
		String id = UUID.randomUUID().toString();
		List<SearchIndex> locked = new ArrayList<>();
		for (SearchIndex index : targets) {
			if (!this.runs.lock(index, id, this.clock.instant())) {
				locked.forEach((each) -> this.runs.unlock(each, id));
				throw ApiProblem.conflict("REINDEX_RUNNING", "A reindex of " + index.alias() + " is running.");
			}
			locked.add(index);
		}
		ReindexStatus status = ReindexStatus.started(id, targets, this.clock.instant());
		this.runs.save(status);
		this.executor.submit(() -> run(status, targets));
		return status;
	}

	private void run(ReindexStatus started, List<SearchIndex> targets) {
		ReindexStatus status = started;
		for (SearchIndex index : targets) {
			status = rebuild(status, index);
		}
		status = status.finished(this.clock.instant());
		try {
			this.runs.save(status);
		}
		catch (RuntimeException ex) {
			logger.warn("Reindex {} ended {} but its status could not be saved: {}", status.id(), status.state(),
					ex.toString());
		}
		logger.info("Reindex {} {}: {}", status.id(), status.state(), status.indices());
	}

	private ReindexStatus rebuild(ReindexStatus started, SearchIndex index) {
		ReindexStatus status = started;
		ReindexStatus.Part part = status.part(index);
		String next = null;
		try {
			this.indices.ensure(index);
			Set<String> previous = this.indices.live(index);
			next = this.indices.createGeneration(index);
			part = part.building(List.copyOf(previous), next, this.clock.instant());
			status = saved(status.with(part, this.clock.instant()));
			Thread.sleep(this.settle);
			String cursor = null;
			do {
				SourceServices.Page<IndexWriter.Versioned> page = read(index, cursor);
				part = part.progressed(page.items().size(), this.writer.backfill(next, page.items()));
				status = saved(status.with(part, this.clock.instant()));
				cursor = page.nextCursor();
			}
			while (cursor != null);
			this.indices.swap(index, previous, next);
			previous.forEach(this.indices::delete);
			part = part.completed(this.clock.instant());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			part = abandon(part, next, "interrupted");
		}
		catch (RuntimeException ex) {
			logger.warn("Reindex {} of {} failed", status.id(), index.alias(), ex);
			part = abandon(part, next, ex.getMessage());
		}
		finally {
			try {
				this.runs.unlock(index, status.id());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not unlock {} after reindex {}: {}", index.alias(), status.id(), ex.toString());
			}
		}
		return status.with(part, this.clock.instant());
	}

	private SourceServices.Page<IndexWriter.Versioned> read(SearchIndex index, String cursor) {
		return switch (index) {
			case ORDERS -> {
				SourceServices.Page<SourceServices.SourceOrder> page = this.sources.orders(cursor);
				yield new SourceServices.Page<>(page.items()
					.stream()
					.map((order) -> new IndexWriter.Versioned(order.orderId(), order.version(), order.document()))
					.toList(), page.nextCursor());
			}
			case PRODUCTS -> {
				SourceServices.Page<SourceServices.SourceProduct> page = this.sources.products(cursor);
				yield new SourceServices.Page<>(page.items()
					.stream()
					.map((product) -> new IndexWriter.Versioned(product.sku(), product.version(), product.document()))
					.toList(), page.nextCursor());
			}
		};
	}

	private ReindexStatus.Part abandon(ReindexStatus.Part part, String next, String error) {
		if (next != null) {
			try {
				this.indices.delete(next);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not delete the abandoned index {}: {}", next, ex.toString());
			}
		}
		return part.failed(error, this.clock.instant());
	}

	private ReindexStatus saved(ReindexStatus status) {
		this.runs.save(status);
		return status;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
