package io.orderflow.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * Sends one batch of rows asynchronously, waits for the broker's acknowledgements, and
 * marks exactly the acknowledged rows published. On any failure the producer is thrown
 * away, so that nothing it still buffers can reach the broker after the retry.
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

	private volatile @Nullable Producer<String, byte[]> producer;

	BatchPublisher(Supplier<Producer<String, byte[]>> producers, OutboxStore store, OutboxMetrics metrics, Clock clock,
			Duration deliveryTimeout) {
		this.producers = producers;
		this.store = store;
		this.metrics = metrics;
		this.clock = clock;
		this.acknowledgementTimeout = deliveryTimeout.plusSeconds(5);
	}

	/**
	 * Publishes {@code batch} (in id order) and marks what the broker acknowledged.
	 * @return whether every row was acknowledged
	 */
	boolean publish(List<OutboxRow> batch) throws InterruptedException {
		Producer<String, byte[]> producer = producer();
		List<Sending> sending = new ArrayList<>(batch.size());
		Sending refused = null;
		for (OutboxRow row : batch) {
			Sending send = new Sending(row, new CompletableFuture<>());
			// The agent's Kafka instrumentation starts the producer span under the
			// context of
			// the transaction that wrote the row and injects the record's traceparent
			// itself.
			try (Scope scope = traceContext(row).makeCurrent()) {
				producer.send(record(row), (metadata, exception) -> send.completed(exception));
			}
			catch (RuntimeException ex) {
				// Refused before it was sent (e.g. no metadata within max.block.ms):
				// sending the
				// rows behind it would overtake it.
				send.acknowledgement.completeExceptionally(ex);
				refused = send;
				break;
			}
			sending.add(send);
		}
		awaitAcknowledgements(sending);
		List<Long> acknowledged = new ArrayList<>(sending.size());
		List<Long> failed = new ArrayList<>();
		Throwable failure = (refused != null) ? refused.failure() : null;
		for (Sending send : sending) {
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
		this.store.markPublished(acknowledged);
		if (refused != null) {
			failed.add(refused.row.id());
		}
		if (failure == null) {
			return true;
		}
		logger.warn("Outbox relay: " + failed.size() + " of " + batch.size() + " messages not acknowledged (" + failure
				+ "); retrying from the first unpublished row");
		this.metrics.failed(failure, failed.size());
		discardProducer();
		this.store.recordFailure(failed, describe(failure));
		return false;
	}

	private void awaitAcknowledgements(List<Sending> sending) throws InterruptedException {
		CompletableFuture<?> all = CompletableFuture
			.allOf(sending.stream().map(Sending::acknowledgement).toArray(CompletableFuture[]::new));
		try {
			all.get(this.acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			// Some failed; each send's own outcome is read below.
		}
		catch (TimeoutException ex) {
			// Closing the producer fails whatever it still holds.
			discardProducer();
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
	 * Closes the producer without waiting, failing everything it still buffers; also
	 * called from the stopping thread to cut a batch short.
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

	private final class Sending {

		private final OutboxRow row;

		private final CompletableFuture<Void> acknowledgement;

		private volatile Instant acknowledgedAt;

		Sending(OutboxRow row, CompletableFuture<Void> acknowledgement) {
			this.row = row;
			this.acknowledgement = acknowledgement;
		}

		CompletableFuture<Void> acknowledgement() {
			return this.acknowledgement;
		}

		void completed(@Nullable Exception exception) {
			if (exception == null) {
				this.acknowledgedAt = BatchPublisher.this.clock.instant();
				this.acknowledgement.complete(null);
			}
			else {
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
