package io.orderflow.messaging.failure;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One dead letter as an operator sees it: where it came from, why it failed, what it
 * carried, and what has been done about it.
 *
 * @param topic the dead-letter topic
 * @param partition its partition there
 * @param offset its offset there
 * @param originalTopic where the record was consumed from
 * @param originalPartition its partition there
 * @param originalOffset its offset there
 * @param consumerGroup the consumer group that failed on it
 * @param key the record key
 * @param value the record value as it was consumed (raw bytes if it never deserialized)
 * @param headers the record's own headers (envelope, trace), without the dead-letter ones
 * @param exceptionClass the failure
 * @param exceptionMessage the messages of the failure and its causes
 * @param stackSummary the causes with their first frames
 * @param deadLetteredAt when the record reached the dead-letter topic
 * @param status pending, replayed or parked
 */
public record DeadLetter(String topic, int partition, long offset, String originalTopic, int originalPartition,
		long originalOffset, @Nullable String consumerGroup, @Nullable String key, byte @Nullable [] value,
		Map<String, String> headers, @Nullable String exceptionClass, @Nullable String exceptionMessage,
		@Nullable String stackSummary, Instant deadLetteredAt, Status status) {

	/** A stable reference: dead-letter topic, partition and offset. */
	public String id() {
		return this.topic + "/" + this.partition + "/" + this.offset;
	}

	/** What has been done about a dead letter. */
	public enum Status {

		/** Waiting for an operator. */
		PENDING,

		/** Published again to its original topic. */
		REPLAYED,

		/** Set aside on purpose: it will not be replayed. */
		PARKED

	}

}
