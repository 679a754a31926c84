package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's meters. Backlog and oldest age describe the database, so every instance
 * reports the same figures (take the maximum across instances); they are read at most
 * every few seconds however often they are scraped.
 * <ul>
 * <li>{@code orderflow.outbox.backlog}: unpublished rows;</li>
 * <li>{@code orderflow.outbox.oldest.age}: age of the oldest unpublished row, the figure
 * to alert on (a stuck relay or broker);</li>
 * <li>{@code orderflow.outbox.publish.latency}: row written → broker
 * acknowledgement;</li>
 * <li>{@code orderflow.outbox.published}, {@code orderflow.outbox.publish.failures} (tag
 * {@code exception}): by this instance;</li>
 * <li>{@code orderflow.outbox.relay.leader}: 1 where the leading relay runs.</li>
 * </ul>
 */
public final class OutboxMetrics {

	private static final Log logger = LogFactory.getLog(OutboxMetrics.class);

	private static final long REFRESH_NANOS = Duration.ofSeconds(2).toNanos();

	private final MeterRegistry registry;

	private final OutboxStore store;

	private final Timer latency;

	private final Counter published;

	private volatile OutboxStore.Statistics statistics = new OutboxStore.Statistics(0, 0);

	private long readAt = System.nanoTime() - REFRESH_NANOS;

	public OutboxMetrics(MeterRegistry registry, JdbcTemplate jdbc, RelayDoorbell doorbell) {
		this.registry = registry;
		this.store = new OutboxStore(jdbc);
		this.latency = Timer.builder("orderflow.outbox.publish.latency")
			.description("Outbox row written to broker acknowledgement")
			.register(registry);
		this.published = Counter.builder("orderflow.outbox.published")
			.description("Messages published by this instance's relay")
			.register(registry);
		Gauge.builder("orderflow.outbox.backlog", this, (metrics) -> metrics.statistics().backlog())
			.description("Unpublished outbox rows")
			.register(registry);
		TimeGauge
			.builder("orderflow.outbox.oldest.age", this, TimeUnit.SECONDS,
					(metrics) -> metrics.statistics().oldestAgeSeconds())
			.description("Age of the oldest unpublished outbox row")
			.register(registry);
		Gauge.builder("orderflow.outbox.relay.leader", doorbell, (bell) -> bell.isLeaderHere() ? 1 : 0)
			.description("1 where the leading relay runs")
			.register(registry);
	}

	void published(Instant createdAt, Instant acknowledgedAt) {
		this.published.increment();
		this.latency.record(Duration.between(createdAt, acknowledgedAt));
	}

	void failed(Throwable failure, int messages) {
		this.registry.counter("orderflow.outbox.publish.failures", "exception", failure.getClass().getSimpleName())
			.increment(messages);
	}

	private synchronized OutboxStore.Statistics statistics() {
		if (System.nanoTime() - this.readAt >= REFRESH_NANOS) {
			this.readAt = System.nanoTime();
			try {
				this.statistics = this.store.statistics();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not read the outbox backlog; reporting the last figures", ex);
			}
		}
		return this.statistics;
	}

}
