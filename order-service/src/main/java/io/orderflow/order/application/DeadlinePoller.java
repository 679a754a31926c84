package io.orderflow.order.application;

import org.springframework.stereotype.Component;

/**
 * Looks for due deadlines every {@code orderflow.order.saga.deadline-poll-interval}, in
 * every instance; claiming with SKIP LOCKED lets the instances share the work.
 */
@Component
class DeadlinePoller {

	private final SagaDeadlines deadlines;

	private final int batchSize;

	DeadlinePoller(SagaDeadlines deadlines, OrderProperties properties) {
		this.deadlines = deadlines;
		this.batchSize = properties.saga().deadlineBatchSize();
	}

	/** Fires batches until one comes back short: then nothing more is due. */
	void poll() {
		int fired;
		do {
			fired = this.deadlines.fireDue();
		}
		while (fired == this.batchSize);
	}

}
