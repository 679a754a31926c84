package io.orderflow.provider;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.orderflow.provider.ProviderClient.Answer;
import org.junit.jupiter.api.Test;

import static io.orderflow.provider.ProviderClient.aCharge;
import static io.orderflow.provider.ProviderClient.aKey;
import static io.orderflow.provider.ProviderClient.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ProviderTest
class SlowTokenTests {

	private static final Duration SLOW_DELAY = Duration.ofMillis(ProviderTest.SLOW_DELAY_MILLIS);

	private final ProviderClient provider;

	private final String orderId = anOrderId();

	SlowTokenTests(ProviderClient provider) {
		this.provider = provider;
	}

	@Test
	void approvesTheSlowTokenOnlyAfterTheConfiguredDelay() {
		Answer charged = this.provider.charge(aKey(), aCharge("tok_slow", this.orderId));

		assertThat(charged.status()).isEqualTo(200);
		assertThat(charged.body().get("status").asString()).isEqualTo("succeeded");
		assertThat(charged.took()).isGreaterThanOrEqualTo(SLOW_DELAY);
	}

	@Test
	void chargesTheSlowTokenBeforeAnsweringAndAnswersARetryWithThatCharge() {
		String key = aKey();
		CompletableFuture<Answer> first = CompletableFuture
			.supplyAsync(() -> this.provider.charge(key, aCharge("tok_slow", this.orderId)));

		await().atMost(SLOW_DELAY).until(() -> this.provider.chargesOf(this.orderId) == 1);
		assertThat(first).isNotDone();
		Answer retry = this.provider.charge(key, aCharge("tok_slow", this.orderId));

		assertThat(retry.took()).isGreaterThanOrEqualTo(SLOW_DELAY);
		assertThat(retry.id()).isEqualTo(first.join().id());
		assertThat(this.provider.chargesOf(this.orderId)).isOne();
	}

}
