package io.orderflow.gateway.ratelimit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisAvailabilityTests {

	private long now = 1_000;

	private final RedisAvailability availability = new RedisAvailability(Duration.ofSeconds(1), () -> this.now);

	@Test
	void keepsAskingRedisAfterAFailureOrTwo() {
		assertThat(this.availability.failed()).isFalse();
		assertThat(this.availability.failed()).isFalse();

		assertThat(this.availability.countingInMemory()).isFalse();
		assertThat(this.availability.askRedis()).isTrue();
	}

	@Test
	void switchesToMemoryAtTheThirdFailureInARowAndSaysSoOnce() {
		this.availability.failed();
		this.availability.failed();

		assertThat(this.availability.failed()).isTrue();
		assertThat(this.availability.countingInMemory()).isTrue();
		assertThat(this.availability.failed()).as("already in memory").isFalse();
	}

	@Test
	void startsCountingFailuresAgainAfterAnAnswer() {
		this.availability.failed();
		this.availability.failed();
		assertThat(this.availability.answered()).as("was not in memory").isFalse();

		this.availability.failed();
		this.availability.failed();

		assertThat(this.availability.countingInMemory()).isFalse();
	}

	@Test
	void asksRedisOncePerRetryIntervalWhileCountingInMemory() {
		switchToMemory();

		assertThat(this.availability.askRedis()).isFalse();
		this.now += Duration.ofSeconds(1).toNanos();
		assertThat(this.availability.askRedis()).isTrue();
		assertThat(this.availability.askRedis()).as("the others in the same interval").isFalse();
	}

	@Test
	void goesBackToRedisAtTheFirstAnswer() {
		switchToMemory();

		assertThat(this.availability.answered()).isTrue();

		assertThat(this.availability.countingInMemory()).isFalse();
		assertThat(this.availability.askRedis()).isTrue();
	}

	private void switchToMemory() {
		for (int i = 0; i < RedisAvailability.FAILURES_TO_SWITCH; i++) {
			this.availability.failed();
		}
		assertThat(this.availability.countingInMemory()).isTrue();
	}

}
