package io.orderflow.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.orderflow.messaging.MessagingProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Publishes committed outbox rows to Kafka: one leader per database, in id order,
 * acknowledged by the broker before a row counts as published. Written by hand because no
 * library does this with PostgreSQL and Spring Kafka: Spring Modulith's event publication
 * registry republishes incomplete events but holds no lock (every instance publishes),
 * keeps no order and needs its own event model; Debezium needs Kafka Connect.
 *
 * <h2>Leadership</h2> Every instance runs a relay; the one holding a PostgreSQL session
 * advisory lock leads, the others retry every {@code leader-retry} and take over within
 * seconds when the leader stops, dies or loses its connection ({@link RelayLeadership}).
 *
 * <h2>Wake-ups</h2> The leader sleeps until a writer of its own JVM rings after a commit,
 * a writer elsewhere's {@code pg_notify} arrives, or {@code poll-interval} passes (the
 * fallback for wake-ups lost in a leadership change). While rows remain it reads the next
 * batch at once.
 *
 * <h2>Order and delivery: at least once, never reordered per key</h2> Batches are read in
 * id order and sent asynchronously in that order through one idempotent producer
 * ({@code acks=all}, at most five requests in flight, so the broker appends a partition's
 * records in send order and never leaves a gap); only the rows the broker acknowledged
 * are marked published. To keep the broker and the database busy at the same time, the
 * next full batch is read and sent while the previous one waits for its acknowledgements,
 * and the marking runs beside the next read. When anything fails — a send refused, an
 * acknowledgement missing — the producer is closed from its own thread on the first
 * failed acknowledgement (so nothing queued behind the failed record is sent, and nothing
 * it still buffers can arrive later), no further row is sent, the relay backs off
 * exponentially up to {@code max-backoff} and starts again from the first unpublished row
 * with a new producer. So:
 * <ul>
 * <li>a message is never lost: its row stays unpublished until acknowledged;</li>
 * <li>a message may arrive twice (acknowledgement lost, leader replaced between send and
 * mark, relay stopped mid-batch); consumers deduplicate by message id (the inbox);</li>
 * <li>the first copies of one key's messages arrive in id order: a later message of the
 * key is sent only behind the earlier ones, in the same producer session, on the same
 * partition, and whenever the earlier one is retried so is everything behind it. A late
 * copy only ever repeats a message already delivered, which the inbox drops. Skipping a
 * failed row to keep the others moving would break exactly this, so a row Kafka refuses
 * for good stops the relay (the oldest-age metric shows it; the writer rejects oversized
 * payloads and bad topic names for that reason).</li>
 * </ul>
 * Ids are assigned at insert and rows become visible at commit, so a row may be published
 * after rows with higher ids; for one key that is the commit order of its writers, which
 * is the order that matters.
 *
 * <h2>Housekeeping</h2> Published rows older than {@code retention} and inbox rows older
 * than the inbox retention are deleted by the leader every {@code cleanup-interval}, in
 * small chunks between batches.
 * <p>
 * The loop runs on a virtual thread: it blocks on JDBC, on the producer and on the
 * doorbell, and never on a committing thread.
 */
public final class OutboxRelay implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(OutboxRelay.class);

	private static final int CLEANUP_CHUNK = 5_000;

	/**
	 * Chunks per cleanup run, so that a large first cleanup does not delay publishing.
	 */
	private static final int CLEANUP_CHUNKS_PER_RUN = 20;

	private final RelayConnections connections;

	private final OutboxStore store;

	private final RelayDoorbell doorbell;

	private final MessagingProperties.Relay settings;

	private final Duration inboxRetention;

	private final Clock clock;

	private final Supplier<BatchPublisher> publishers;

	/**
	 * The publisher of the current run: a relay that stops and starts again gets a new
	 * one.
	 */
	private volatile BatchPublisher publisher;

	private volatile boolean running;

	private volatile CountDownLatch stopping = new CountDownLatch(0);

	private @Nullable Thread thread;

	private Instant nextCleanup = Instant.MIN;

	public OutboxRelay(RelayConnections connections, JdbcTemplate jdbc, OutboxMetrics metrics, RelayDoorbell doorbell,
			Supplier<Producer<String, byte[]>> producers, MessagingProperties.Relay settings, Duration inboxRetention,
			Clock clock) {
		this.connections = connections;
		this.store = new OutboxStore(jdbc);
		this.doorbell = doorbell;
		this.settings = settings;
		this.inboxRetention = inboxRetention;
		this.clock = clock;
		this.publishers = () -> new BatchPublisher(producers, this.store, metrics, clock, settings.deliveryTimeout());
	}

	/**
	 * The producer configuration of the relay: the service's ({@code base}: servers,
	 * security, interceptors) with what the relay's guarantees rest on forced:
	 * acknowledged by all replicas, idempotent (no duplicates or gaps from the producer's
	 * own retries, order kept with up to five requests in flight), no linger (the relay
	 * batches by itself), bounded blocking and delivery.
	 */
	public static Map<String, Object> producerConfig(Map<String, Object> base, MessagingProperties.Relay settings) {
		Map<String, Object> config = new HashMap<>(base);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
		long deliveryTimeout = settings.deliveryTimeout().toMillis();
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout, 10_000));
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout);
		return config;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.stopping = new CountDownLatch(1);
		this.publisher = this.publishers.get();
		this.thread = Thread.ofVirtual().name("outbox-relay").start(this::run);
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.stopping.countDown();
		this.doorbell.ring();
		Thread thread = this.thread;
		try {
			if (thread != null && !thread.join(Duration.ofSeconds(2))) {
				// Cut a batch that waits for a broker short; its rows stay unpublished.
				this.publisher.discardProducer();
				if (!thread.join(this.settings.maxBlock().plusSeconds(5))) {
					logger.warn("Outbox relay did not stop in time; it stops at its next step");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		BatchPublisher publisher = this.publisher;
		try {
			while (this.running) {
				try (RelayLeadership leadership = awaitLeadership()) {
					if (leadership != null) {
						logger.info("Outbox relay leads: publishing for this database");
						lead(leadership, publisher);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException ex) {
					logger.warn("Outbox relay failed; trying again in " + this.settings.leaderRetry(), ex);
				}
				finally {
					this.doorbell.leaderHere(false);
				}
				pause(this.settings.leaderRetry());
			}
		}
		finally {
			publisher.close();
		}
	}

	/** Tries every {@code leader-retry} until this relay leads; null when stopping. */
	private @Nullable RelayLeadership awaitLeadership() throws InterruptedException {
		Connection candidate = null;
		try {
			while (this.running) {
				try {
					if (candidate == null) {
						candidate = this.connections.open();
					}
					RelayLeadership leadership = RelayLeadership.tryAcquire(candidate, this.doorbell);
					if (leadership != null) {
						candidate = null;
						return leadership;
					}
				}
				catch (SQLException ex) {
					logger.debug("Outbox relay could not try for leadership", ex);
					RelayLeadership.closeQuietly(candidate);
					candidate = null;
				}
				pause(this.settings.leaderRetry());
			}
			return null;
		}
		finally {
			RelayLeadership.closeQuietly(candidate);
		}
	}

	/**
	 * Publishes while this relay leads. Full batches are pipelined: batch N+1 is read and
	 * sent (rows after the last one sent) while batch N waits for the broker, then N is
	 * completed. A batch that is not full means the relay has caught up; it is completed
	 * at once, and the next read starts again from the first unpublished row, which also
	 * picks up rows that committed late with ids below the ones already sent.
	 */
	private void lead(RelayLeadership leadership, BatchPublisher publisher) throws InterruptedException {
		this.doorbell.leaderHere(true);
		publisher.recover();
		Duration backoff = this.settings.initialBackoff();
		BatchPublisher.InFlight previous = null;
		long after = 0;
		try {
			while (this.running && leadership.isHeld()) {
				cleanUpIfDue();
				if (after == 0) {
					publisher.awaitMarks();
				}
				List<OutboxRow> batch = this.store.nextBatch(after, this.settings.batchSize());
				BatchPublisher.InFlight current = batch.isEmpty() ? null : publisher.send(batch);
				boolean published = true;
				if (previous != null) {
					published = publisher.complete(previous);
					previous = null;
				}
				if (current != null) {
					after = current.lastSentId();
					if (!published || !current.allSent() || batch.size() < this.settings.batchSize()) {
						published &= publisher.complete(current);
					}
					else {
						previous = current;
					}
				}
				if (!published) {
					pause(backoff);
					backoff = min(backoff.multipliedBy(2), this.settings.maxBackoff());
					publisher.recover();
					after = 0;
				}
				else if (previous == null) {
					backoff = this.settings.initialBackoff();
					if (after != 0) {
						after = 0;
					}
					else {
						this.doorbell.await(this.settings.pollInterval());
					}
				}
			}
		}
		finally {
			if (previous != null) {
				publisher.complete(previous);
			}
			publisher.awaitMarks();
		}
	}

	private void cleanUpIfDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextCleanup)) {
			return;
		}
		this.nextCleanup = now.plus(this.settings.cleanupInterval());
		int published = deleteInChunks(
				() -> this.store.deletePublishedOlderThan(this.settings.retention(), CLEANUP_CHUNK));
		int processed = deleteInChunks(() -> this.store.deleteProcessedOlderThan(this.inboxRetention, CLEANUP_CHUNK));
		if (published + processed > 0) {
			logger.debug("Outbox relay deleted " + published + " published outbox rows and " + processed
					+ " inbox rows past their retention");
		}
	}

	private int deleteInChunks(Supplier<Integer> chunk) {
		int total = 0;
		for (int i = 0; i < CLEANUP_CHUNKS_PER_RUN; i++) {
			int deleted = chunk.get();
			total += deleted;
			if (deleted < CLEANUP_CHUNK) {
				return total;
			}
		}
		// More to delete: the next run comes right after this batch.
		this.nextCleanup = Instant.MIN;
		return total;
	}

	/**
	 * Sleeps unless stopping; never woken by the doorbell, so a backoff holds under load.
	 */
	private void pause(Duration duration) {
		try {
			this.stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
