package io.orderflow.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code orderflow.messaging.*}: the defaults run the embedded stack and production
 * alike.
 *
 * @param outbox the writing side of the outbox
 * @param relay the publishing side of the outbox
 * @param consumer retries and dead letters of {@code @KafkaListener}s
 * @param inbox the idempotent consumer
 * @param schema the module's own tables
 * @param topics the topics of the service's messages
 */
@ConfigurationProperties("orderflow.messaging")
public record MessagingProperties(@DefaultValue Outbox outbox, @DefaultValue Relay relay,
		@DefaultValue Consumer consumer, @DefaultValue Inbox inbox, @DefaultValue Schema schema,
		@DefaultValue Topics topics) {

	/**
	 * @param create whether the service creates the topics of every registered message
	 * type at start (those it consumes as well as those it produces) when they are
	 * missing
	 * @param partitions partitions of a topic it creates
	 * @param replicas replicas of a topic it creates; -1 leaves it to the broker's
	 * {@code default.replication.factor}
	 */
	public record Topics(@DefaultValue("true") boolean create, @DefaultValue("6") int partitions,
			@DefaultValue("-1") short replicas) {
	}

	/**
	 * @param maxPayloadSize the largest payload {@code Outbox.send} accepts: a row Kafka
	 * refuses would block the rows behind it, so it is refused at the writer (Kafka's
	 * default request limit is 1 MB, headers included)
	 */
	public record Outbox(@DefaultValue("900KB") DataSize maxPayloadSize) {
	}

	/**
	 * @param enabled whether this instance runs a relay (one leads per database, the
	 * others stand by)
	 * @param batchSize rows read, sent and acknowledged together
	 * @param pollInterval how often the leader looks for rows without a wake-up (rows of
	 * writers that could not wake it, e.g. during a leadership change)
	 * @param leaderRetry how often a standby tries to take the lead: the takeover time
	 * after a leader dies
	 * @param initialBackoff the first pause after a failed batch
	 * @param maxBackoff the cap of the exponential pause while the broker stays down
	 * @param maxBlock the producer's {@code max.block.ms}: how long {@code send()} may
	 * block on missing metadata or a full buffer
	 * @param deliveryTimeout the producer's {@code delivery.timeout.ms}: how long a sent
	 * batch may wait for its acknowledgements before it is retried
	 * @param retention how long published rows are kept (for inspection) before deletion
	 * @param cleanupInterval how often the leader deletes expired outbox and inbox rows
	 */
	public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
			@DefaultValue("1s") Duration pollInterval, @DefaultValue("1s") Duration leaderRetry,
			@DefaultValue("100ms") Duration initialBackoff, @DefaultValue("30s") Duration maxBackoff,
			@DefaultValue("10s") Duration maxBlock, @DefaultValue("30s") Duration deliveryTimeout,
			@DefaultValue("7d") Duration retention, @DefaultValue("1m") Duration cleanupInterval) {
	}

	/**
	 * @param transientInitialBackoff the first pause before retrying a message whose
	 * dependency is down
	 * @param transientMaxBackoff the cap of that pause; transient failures retry without
	 * limit
	 * @param unclassifiedRetries retries of a failure that is neither known permanent nor
	 * known transient, before it is dead-lettered
	 * @param unclassifiedBackoff the first pause between those retries (doubling)
	 * @param deadLetterPartitions partitions of a dead-letter topic whose source topic
	 * does not exist yet (otherwise the source's count)
	 */
	public record Consumer(@DefaultValue("200ms") Duration transientInitialBackoff,
			@DefaultValue("10s") Duration transientMaxBackoff, @DefaultValue("3") int unclassifiedRetries,
			@DefaultValue("1s") Duration unclassifiedBackoff, @DefaultValue("6") int deadLetterPartitions) {
	}

	/**
	 * @param retention how long a processed message id is remembered: duplicates arrive
	 * within minutes (redelivery after a rebalance or a relay retry), so days are plenty
	 */
	public record Inbox(@DefaultValue("30d") Duration retention) {
	}

	/**
	 * @param migrate whether the module creates and migrates its tables at start (off
	 * when a DBA applies the scripts)
	 */
	public record Schema(@DefaultValue("true") boolean migrate) {
	}

}
