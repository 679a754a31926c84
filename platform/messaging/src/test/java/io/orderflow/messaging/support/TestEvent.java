package io.orderflow.messaging.support;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The test contract: one topic's messages, as a contract module declares them. */
public sealed interface TestEvent permits TestEvent.Counted, TestEvent.Rejected {

	/** The {@code sequence}-th message of {@code key}: per-key order is checkable. */
	@JsonTypeName("Counted")
	record Counted(String key, int sequence) implements TestEvent {
	}

	/** A message its handler refuses for good. */
	@JsonTypeName("Rejected")
	record Rejected(String reason) implements TestEvent {
	}

}
