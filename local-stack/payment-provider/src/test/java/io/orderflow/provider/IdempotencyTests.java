package io.orderflow.provider;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.orderflow.provider.ProviderClient.Answer;
import org.junit.jupiter.api.Test;

import static io.orderflow.provider.ProviderClient.aCharge;
import static io.orderflow.provider.ProviderClient.aKey;
import static io.orderflow.provider.ProviderClient.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;

@ProviderTest
class IdempotencyTests {

	private final ProviderClient provider;

	private final String orderId = anOrderId();

	IdempotencyTests(ProviderClient provider) {
		this.provider = provider;
	}

	@Test
	void answersTheSameKeyAndBodyWithTheSameChargeAndChargesOnce() {
		String key = aKey();

		Answer first = this.provider.charge(key, aCharge("tok_visa", this.orderId));
		Answer retry = this.provider.charge(key, aCharge("tok_visa", this.orderId));

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(this.provider.chargesOf(this.orderId)).isOne();
	}

	@Test
	void takesAnAmountOrCurrencySpelledDifferentlyForTheSameRequest() {
		String key = aKey();

		Answer first = this.provider.charge(key, Map.of("amount", new BigDecimal("44.9"), "currency", "eur", "source",
				"tok_visa", "orderId", this.orderId));
		Answer retry = this.provider.charge(key, Map.of("amount", new BigDecimal("44.90"), "currency", "EUR", "source",
				"tok_visa", "orderId", this.orderId));

		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.id()).isEqualTo(first.id());
	}

	@Test
	void refusesTheSameKeyWithAnotherBodyAndKeepsTheFirstCharge() {
		String key = aKey();
		Answer first = this.provider.charge(key, aCharge("tok_visa", this.orderId));

		Answer reused = this.provider.charge(key, Map.of("amount", new BigDecimal("45.00"), "currency", "EUR", "source",
				"tok_visa", "orderId", this.orderId));

		assertThat(reused.status()).isEqualTo(409);
		assertThat(reused.error().get("type").asString()).isEqualTo("idempotency_error");
		assertThat(reused.error().get("code").asString()).isEqualTo("idempotency_key_in_use");
		assertThat(this.provider.chargesOf(this.orderId)).isOne();
		assertThat(this.provider.get("/v1/charges/" + first.id()).body().get("amount").decimalValue())
			.isEqualByComparingTo("44.99");
	}

	@Test
	void refusesAChargesKeyReusedForARefund() {
		String key = aKey();
		this.provider.charge(key, aCharge("tok_visa", this.orderId));

		Answer reused = this.provider.refund(key, Map.of("orderId", this.orderId));

		assertThat(reused.status()).isEqualTo(409);
		assertThat(this.provider.get("/v1/refunds?orderId=" + this.orderId).body().get("data")).isEmpty();
	}

	@Test
	void chargesOnceForTwentyConcurrentRequestsWithOneKey() throws Exception {
		String key = aKey();
		int requests = 20;
		CyclicBarrier start = new CyclicBarrier(requests);
		List<Future<Answer>> answers = new ArrayList<>();

		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < requests; i++) {
				answers.add(clients.submit(() -> {
					start.await();
					return this.provider.charge(key, aCharge("tok_visa", this.orderId));
				}));
			}
		}

		List<Answer> all = new ArrayList<>();
		for (Future<Answer> answer : answers) {
			all.add(answer.get());
		}
		assertThat(all).extracting(Answer::status).containsOnly(200);
		assertThat(all).extracting(Answer::id).hasSize(requests).containsOnly(all.getFirst().id());
		assertThat(this.provider.chargesOf(this.orderId)).isOne();
	}

}
