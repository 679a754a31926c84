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
class RefundsTests {

	private final ProviderClient provider;

	private final String orderId = anOrderId();

	RefundsTests(ProviderClient provider) {
		this.provider = provider;
	}

	@Test
	void refundsTheWholeChargeWhenNoAmountIsGiven() {
		String charge = this.provider.charge(aKey(), aCharge("tok_visa", this.orderId)).id();

		Answer refunded = this.provider.refund(aKey(), Map.of("charge", charge));

		assertThat(refunded.status()).isEqualTo(200);
		assertThat(refunded.id()).startsWith("re_");
		assertThat(refunded.body().get("status").asString()).isEqualTo("succeeded");
		assertThat(refunded.body().get("amount").decimalValue()).isEqualByComparingTo("44.99");
		assertThat(refunded.body().get("charge").asString()).isEqualTo(charge);
		Answer charged = this.provider.get("/v1/charges/" + charge);
		assertThat(charged.body().get("amountRefunded").decimalValue()).isEqualByComparingTo("44.99");
		assertThat(charged.body().get("refunded").asBoolean()).isTrue();
		assertThat(this.provider.get("/v1/refunds?orderId=" + this.orderId).body().get("data")).singleElement()
			.satisfies((refund) -> assertThat(refund.get("id").asString()).isEqualTo(refunded.id()));
	}

	@Test
	void refundsTheSucceededChargeOfAnOrderInPartsUntilNothingIsLeft() {
		this.provider.charge(aKey(), aCharge("tok_chargeDeclined", this.orderId));
		String charge = this.provider.charge(aKey(), aCharge("tok_visa", this.orderId)).id();

		Answer part = this.provider.refund(aKey(), Map.of("orderId", this.orderId, "amount", new BigDecimal("10")));
		Answer rest = this.provider.refund(aKey(), Map.of("orderId", this.orderId));
		Answer more = this.provider.refund(aKey(), Map.of("orderId", this.orderId));

		assertThat(part.body().get("charge").asString()).isEqualTo(charge);
		assertThat(part.body().get("amount").decimalValue()).isEqualByComparingTo("10.00");
		assertThat(rest.body().get("amount").decimalValue()).isEqualByComparingTo("34.99");
		assertThat(more.status()).isEqualTo(400);
		assertThat(more.error().get("code").asString()).isEqualTo("charge_already_refunded");
	}

	@Test
	void refusesToRefundMoreThanWasCharged() {
		String charge = this.provider.charge(aKey(), aCharge("tok_visa", this.orderId)).id();

		Answer refused = this.provider.refund(aKey(), Map.of("charge", charge, "amount", new BigDecimal("45.00")));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.error().get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(refused.error().get("code").asString()).isEqualTo("amount_too_large");
		assertThat(this.provider.get("/v1/refunds?orderId=" + this.orderId).body().get("data")).isEmpty();
	}

	@Test
	void answersTheSameKeyAndBodyWithTheSameRefundAndRefusesAnotherBody() {
		String charge = this.provider.charge(aKey(), aCharge("tok_visa", this.orderId)).id();
		String key = aKey();

		Answer first = this.provider.refund(key, Map.of("charge", charge, "amount", new BigDecimal("5.00")));
		Answer retry = this.provider.refund(key, Map.of("charge", charge, "amount", new BigDecimal("5.00")));
		Answer reused = this.provider.refund(key, Map.of("charge", charge, "amount", new BigDecimal("6.00")));

		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(reused.status()).isEqualTo(409);
		assertThat(this.provider.get("/v1/refunds?orderId=" + this.orderId).body().get("data")).hasSize(1);
		assertThat(this.provider.get("/v1/charges/" + charge).body().get("amountRefunded").decimalValue())
			.isEqualByComparingTo("5.00");
	}

	@Test
	void reportsAnOrderWithoutASucceededChargeAsMissing() {
		this.provider.charge(aKey(), aCharge("tok_chargeDeclined", this.orderId));

		Answer missing = this.provider.refund(aKey(), Map.of("orderId", this.orderId));

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.error().get("code").asString()).isEqualTo("resource_missing");
	}

	@Test
	void refusesToRefundADeclinedCharge() {
		String declined = this.provider.charge(aKey(), aCharge("tok_chargeDeclined", this.orderId))
			.error()
			.get("charge")
			.asString();

		Answer refused = this.provider.refund(aKey(), Map.of("charge", declined));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.error().get("code").asString()).isEqualTo("charge_not_refundable");
	}

	@Test
	void rejectsARefundWithoutAnIdempotencyKey() {
		this.provider.charge(aKey(), aCharge("tok_visa", this.orderId));

		Answer rejected = this.provider.refund(null, Map.of("orderId", this.orderId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.error().get("param").asString()).isEqualTo("Idempotency-Key");
		assertThat(this.provider.get("/v1/refunds?orderId=" + this.orderId).body().get("data")).isEmpty();
	}

	@Test
	void neverRefundsMoreThanWasChargedUnderConcurrentRefunds() throws Exception {
		String charge = this.provider.charge(aKey(), aCharge("tok_visa", this.orderId)).id();
		int requests = 10;
		CyclicBarrier start = new CyclicBarrier(requests);
		List<Future<Answer>> answers = new ArrayList<>();

		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < requests; i++) {
				answers.add(clients.submit(() -> {
					start.await();
					return this.provider.refund(aKey(), Map.of("charge", charge, "amount", new BigDecimal("10.00")));
				}));
			}
		}

		int refunded = 0;
		for (Future<Answer> answer : answers) {
			refunded += (answer.get().status() == 200) ? 1 : 0;
		}
		assertThat(refunded).isEqualTo(4);
		assertThat(this.provider.get("/v1/refunds?orderId=" + this.orderId).body().get("data")).hasSize(4);
		assertThat(this.provider.get("/v1/charges/" + charge).body().get("amountRefunded").decimalValue())
			.isEqualByComparingTo("40.00");
	}

}
