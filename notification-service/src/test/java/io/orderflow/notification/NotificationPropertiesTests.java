package io.orderflow.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NotificationPropertiesTests {

	@Test
	void doublesTheBackoffAfterEachFailedAttemptUpToTheCap() {
		NotificationProperties.Delivery delivery = delivery(5, Duration.ofSeconds(10), Duration.ofSeconds(45));

		assertThat(delivery.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(delivery.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(delivery.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(delivery.backoffAfter(4)).isEqualTo(Duration.ofSeconds(45));
		assertThat(delivery.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void refusesSettingsUnderWhichNothingWouldEverBeSent() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> delivery(0, Duration.ofSeconds(10), Duration.ofSeconds(45)));
		assertThatIllegalArgumentException().isThrownBy(() -> delivery(5, Duration.ZERO, Duration.ofSeconds(45)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> delivery(5, Duration.ofSeconds(10), Duration.ofSeconds(5)));
	}

	private static NotificationProperties.Delivery delivery(int maxAttempts, Duration initial, Duration max) {
		return new NotificationProperties.Delivery(maxAttempts, initial, max, Duration.ofMinutes(1),
				Duration.ofSeconds(1), 100);
	}

}
