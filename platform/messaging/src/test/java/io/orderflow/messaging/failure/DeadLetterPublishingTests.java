package io.orderflow.messaging.failure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterPublishingTests {

	@Test
	void namesTheDeadLetterTopicAfterTheSourceWithSpringKafkasSuffix() {
		assertThat(DeadLetterPublishing.topicFor("inventory.events")).isEqualTo("inventory.events-dlt");
	}

	@Test
	void summarizesAStackTraceAsItsCausesWithTheirFirstFrames() {
		Exception failure = new IllegalStateException("saga broken", new IllegalArgumentException("bad sku"));

		String summary = DeadLetterPublishing.stackSummary(failure);

		assertThat(summary).startsWith("java.lang.IllegalStateException: saga broken")
			.contains("Caused by: java.lang.IllegalArgumentException: bad sku")
			.contains("\tat " + DeadLetterPublishingTests.class.getName());
		assertThat(summary.lines().filter((line) -> line.startsWith("\tat "))).hasSizeLessThanOrEqualTo(12);
	}

	@Test
	void joinsTheMessagesOfTheCauseChainOnce() {
		Exception failure = new IllegalStateException("failed to deserialize", new IllegalArgumentException(
				"Payload is not a valid Counted", new RuntimeException("Unrecognized token 'this'")));

		assertThat(DeadLetterPublishing.messages(failure))
			.isEqualTo("failed to deserialize; Payload is not a valid Counted; Unrecognized token 'this'");
		assertThat(DeadLetterPublishing.messages(new IllegalStateException("same", new RuntimeException("same"))))
			.isEqualTo("same");
	}

}
