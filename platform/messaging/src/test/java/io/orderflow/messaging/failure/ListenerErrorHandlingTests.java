package io.orderflow.messaging.failure;

import java.time.Duration;

import io.orderflow.messaging.MessagingProperties;
import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class ListenerErrorHandlingTests {

	private final MessagingProperties.Consumer settings = new MessagingProperties.Consumer(Duration.ofMillis(200),
			Duration.ofSeconds(10), 3, Duration.ofSeconds(1), 6);

	@Test
	void deadLettersAPermanentFailureWithoutRetry() {
		BackOffExecution backOff = ListenerErrorHandling.backOff(FailureKind.PERMANENT, this.settings).start();

		assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void retriesATransientFailureForeverWithExponentialPausesUpToTheCap() {
		BackOffExecution backOff = ListenerErrorHandling.backOff(FailureKind.TRANSIENT, this.settings).start();

		assertThat(backOff.nextBackOff()).isEqualTo(200);
		assertThat(backOff.nextBackOff()).isEqualTo(400);
		assertThat(backOff.nextBackOff()).isEqualTo(800);
		for (int attempt = 0; attempt < 100_000; attempt++) {
			assertThat(backOff.nextBackOff()).isBetween(800L, 10_000L);
		}
		assertThat(backOff.nextBackOff()).isEqualTo(10_000);
	}

	@Test
	void retriesAnUnclassifiedFailureAFewTimesThenDeadLettersIt() {
		BackOffExecution backOff = ListenerErrorHandling.backOff(FailureKind.UNCLASSIFIED, this.settings).start();

		assertThat(backOff.nextBackOff()).isEqualTo(1_000);
		assertThat(backOff.nextBackOff()).isEqualTo(2_000);
		assertThat(backOff.nextBackOff()).isEqualTo(4_000);
		assertThat(backOff.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

}
