package io.orderflow.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.orderflow.messaging.envelope.Envelope;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Sends batches of rows asynchronously and, once the broker has answered, marks exactly
 * the acknowledged rows published. A batch may be sent while the previous one still waits
 * for its acknowledgements (the relay overlaps the broker's work with the database's).
 * <p>
 * The first failed acknowledgement closes the producer on the spot, from the producer's
 * own thread, before it can send anything queued behind the failed record, and stops
 * further sends until the relay has handled the failure: a record behind a failed one
 * must never reach the broker before it.
 */
final class BatchPublisher implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(BatchPublisher.class);

	private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, String> carrier) {
			return carrier.keySet();
		}

		@Override
		public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
			return (carrier != null) ? carrier.get(key) : null;
		}

	};

	private static final int MAX_ERROR_LENGTH = 2000;

	private final Supplier<Producer<String, byte[]>> producers;

	private final OutboxStore store;

	private final OutboxMetrics metrics;

	private final Clock clock;

	/** Every send completes within the delivery timeout; the margin covers the rest. */
	private final Duration acknowledgementTimeout;

	/**
	 * Marks run here, one at a time, so that the relay reads and sends the next batch
	 * while the database marks the previous one.
	 */
	private final ExecutorService marking = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("outbox-relay-mark").factory());

	private CompletableFuture<Void> pendingMark = CompletableFuture.completedFuture(null);

	private volatile @Nullable Producer<String, byte[]> producer;

	/** Set by a failed send, cleared by {@link #recover()}: nothing is sent meanwhile. */
	private volatile boolean failing;

	BatchPublisher(Supplier<Producer<String, byte[]>> producers, OutboxStore store, OutboxMetrics metrics, Clock clock,
			Duration deliveryTimeout) {
		this.producers = producers;
		this.store = store;
		this.metrics = metrics;
		this.clock = clock;
		this.acknowledgementTimeout = deliveryTimeout.plusSeconds(5);
	}

	/**
	 * Sends {@code batch} in id order, without waiting for the broker; stops at the first
	 * row the producer refuses, and sends nothing while a failure is being handled.
	 */
	InFlight send(List<OutboxRow> batch) {
		InFlight inFlight = new InFlight(batch.size());
		if (this.failing) {
			return inFlight;
		}
		Producer<String, byte[]> producer = producer();
		for (OutboxRow row : batch) {
			if (this.failing) {
				break;
			}
			Sending send = new Sending(row);
			// The agent's Kafka instrumentation starts the producer span under the
			// context of
			// the transaction that wrote the row and injects the record's traceparent
			// itself.
			try (Scope scope = traceContext(row).makeCurrent()) {
				producer.send(record(row), send::completed);
			}
			catch (RuntimeException ex) {
				// Refused before it was sent (no metadata within max.block.ms, closed
				// after a
				// failure): the rows behind it must not overtake it.
				send.acknowledgement.completeExceptionally(ex);
				inFlight.sending.add(send);
				failed();
				break;
			}
			inFlight.sending.add(send);
		}
		return inFlight;
	}

	/**
	 * Waits for the acknowledgements of {@code inFlight}, marks the acknowledged rows
	 * published and records the failure on the others.
	 * @return whether every row of the batch was acknowledged
	 */
	boolean complete(InFlight inFlight) throws InterruptedException {
		awaitAcknowledgements(inFlight.sending);
		List<Long> acknowledged = new ArrayList<>(inFlight.sending.size());
		List<Long> failed = new ArrayList<>();
		Throwable failure = null;
		for (Sending send : inFlight.sending) {
			Throwable sendFailure = send.failure();
			if (sendFailure == null) {
				acknowledged.add(send.row.id());
				this.metrics.published(send.row.createdAt(), send.acknowledgedAt);
			}
			else {
				failed.add(send.row.id());
				failure = (failure != null) ? failure : sendFailure;
			}
		}
		awaitMarks();
		this.pendingMark = CompletableFuture.runAsync(() -> this.store.markPublished(acknowledged), this.marking);
		if (failure != null) {
			logger.warn("Outbox relay: " + failed.size() + " of " + inFlight.size + " messages not acknowledged ("
					+ failure + "); retrying from the first unpublished row");
			this.metrics.failed(failure, failed.size());
			this.store.recordFailure(failed, describe(failure));
		}
		return acknowledged.size() == inFlight.size;
	}

	/**
	 * Waits until every acknowledged row is marked: before the relay reads from the first
	 * unpublished row again, which would otherwise send rows once more whose mark is on
	 * its way.
	 * @throws org.springframework.dao.DataAccessException when marking failed
	 */
	void awaitMarks() {
		try {
			this.pendingMark.join();
		}
		catch (CompletionException ex) {
			this.pendingMark = CompletableFuture.completedFuture(null);
			throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
		}
	}

	/** After the relay handled a failure: the next send starts a new producer. */
	void recover() {
		discardProducer();
		this.failing = false;
	}

	private void failed() {
		this.failing = true;
		discardProducer();
	}

	private void awaitAcknowledgements(List<Sending> sending) throws InterruptedException {
		CompletableFuture<?> all = CompletableFuture
			.allOf(sending.stream().map((send) -> send.acknowledgement).toArray(CompletableFuture[]::new));
		try {
			all.get(this.acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			// Some failed; each send's own outcome is read by the caller.
		}
		catch (TimeoutException ex) {
			// Closing the producer fails whatever it still holds.
			failed();
			all.handle((ignored, failure) -> null).join();
		}
	}

	private static Context traceContext(OutboxRow row) {
		return W3CTraceContextPropagator.getInstance().extract(Context.root(), row.headers(), HEADERS);
	}

	private static ProducerRecord<String, byte[]> record(OutboxRow row) {
		RecordHeaders headers = new RecordHeaders();
		row.headers().forEach((name, value) -> {
			// The trace context is restored around the send instead: the instrumentation
			// writes the record's traceparent, and a copy of the stored one would be a
			// second.
			if (!Envelope.TRACEPARENT.equals(name) && !Envelope.TRACESTATE.equals(name)) {
				headers.add(name, value.getBytes(StandardCharsets.UTF_8));
			}
		});
		return new ProducerRecord<>(row.topic(), null, row.key(), row.payload(), headers);
	}

	private Producer<String, byte[]> producer() {
		Producer<String, byte[]> producer = this.producer;
		if (producer == null) {
			producer = this.producers.get();
			this.producer = producer;
		}
		return producer;
	}

	/**
	 * Closes the producer without waiting, failing everything it still buffers; called
	 * from the producer's thread on a failed acknowledgement, and from the stopping
	 * thread to cut a batch short.
	 */
	void discardProducer() {
		Producer<String, byte[]> producer = this.producer;
		this.producer = null;
		if (producer != null) {
			try {
				producer.close(Duration.ZERO);
			}
			catch (RuntimeException ex) {
				logger.debug("Could not close the relay's producer", ex);
			}
		}
	}

	@Override
	public void close() {
		this.marking.close();
		Producer<String, byte[]> producer = this.producer;
		this.producer = null;
		if (producer != null) {
			producer.close(Duration.ofSeconds(5));
		}
	}

	private static String describe(Throwable failure) {
		String description = failure.getClass().getName() + ": " + failure.getMessage();
		return (description.length() > MAX_ERROR_LENGTH) ? description.substring(0, MAX_ERROR_LENGTH) : description;
	}

	/** The sends of one batch. */
	static final class InFlight {

		private final int size;

		private final List<Sending> sending;

		private InFlight(int size) {
			this.size = size;
			this.sending = new ArrayList<>(size);
		}

		/** Whether every row of the batch was handed to the producer. */
		boolean allSent() {
			return this.sending.size() == this.size;
		}

		/** The id of the last row handed to the producer, or 0 when none was. */
		long lastSentId() {
			return this.sending.isEmpty() ? 0 : this.sending.getLast().row.id();
		}

	}

	private final class Sending {

		private final OutboxRow row;

		private final CompletableFuture<Void> acknowledgement = new CompletableFuture<>();

		private volatile Instant acknowledgedAt;

		Sending(OutboxRow row) {
			this.row = row;
		}

		void completed(RecordMetadata metadata, @Nullable Exception exception) {
			if (exception == null) {
				this.acknowledgedAt = BatchPublisher.this.clock.instant();
				this.acknowledgement.complete(null);
			}
			else {
				// Runs on the producer's thread, before it sends anything else.
				failed();
				this.acknowledgement.completeExceptionally(exception);
			}
		}

		/** The failure, or null when acknowledged (never completed: a timeout). */
		@Nullable Throwable failure() {
			return switch (this.acknowledgement.state()) {
				case SUCCESS -> null;
				case FAILED -> this.acknowledgement.exceptionNow();
				default -> new TimeoutException("No acknowledgement within the delivery timeout");
			};
		}

	}

}
