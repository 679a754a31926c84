package io.orderflow.provider;

import java.math.BigDecimal;
import java.util.Map;

import io.orderflow.provider.ProviderClient.Answer;
import org.junit.jupiter.api.Test;

import static io.orderflow.provider.ProviderClient.aCharge;
import static io.orderflow.provider.ProviderClient.aKey;
import static io.orderflow.provider.ProviderClient.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;

@ProviderTest
class ChargesTests {

	private final ProviderClient provider;

	private final String orderId = anOrderId();

	ChargesTests(ProviderClient provider) {
		this.provider = provider;
	}

	@Test
	void approvesTheVisaToken() {
		String key = aKey();

		Answer charged = this.provider.charge(key, aCharge("tok_visa", this.orderId));

		assertThat(charged.status()).isEqualTo(200);
		assertThat(charged.id()).startsWith("ch_");
		assertThat(charged.body().get("status").asString()).isEqualTo("succeeded");
		assertThat(charged.body().get("amount").decimalValue()).isEqualByComparingTo("44.99");
		assertThat(charged.body().get("currency").asString()).isEqualTo("EUR");
		assertThat(charged.body().get("orderId").asString()).isEqualTo(this.orderId);
		assertThat(charged.body().get("idempotencyKey").asString()).isEqualTo(key);
		assertThat(charged.body().get("created").asLong()).isPositive();
	}

	@Test
	void declinesTheDeclinedCardTokenWithStripesCardError() {
		Answer declined = this.provider.charge(aKey(), aCharge("tok_chargeDeclined", this.orderId));

		assertThat(declined.status()).isEqualTo(402);
		assertThat(declined.error().get("type").asString()).isEqualTo("card_error");
		assertThat(declined.error().get("code").asString()).isEqualTo("card_declined");
		assertThat(declined.error().get("decline_code").asString()).isEqualTo("generic_decline");
		assertThat(declined.error().get("message").asString()).isEqualTo("Your card was declined.");
	}

	@Test
	void recordsADeclinedAttemptAndAnswersItsRetryWithTheSameDecline() {
		String key = aKey();

		Answer first = this.provider.charge(key, aCharge("tok_chargeDeclined", this.orderId));
		Answer retry = this.provider.charge(key, aCharge("tok_chargeDeclined", this.orderId));

		assertThat(retry.status()).isEqualTo(402);
		assertThat(retry.error().get("charge").asString()).isEqualTo(first.error().get("charge").asString());
		Answer listed = this.provider.get("/v1/charges?orderId=" + this.orderId);
		assertThat(listed.body().get("data")).singleElement()
			.satisfies((charge) -> assertThat(charge.get("status").asString()).isEqualTo("failed"));
	}

	@Test
	void failsTheErrorTokenWithAServerErrorAndChargesNothing() {
		String key = aKey();

		Answer failed = this.provider.charge(key, aCharge("tok_error", this.orderId));
		Answer retry = this.provider.charge(key, aCharge("tok_error", this.orderId));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.error().get("type").asString()).isEqualTo("api_error");
		assertThat(retry.status()).isEqualTo(500);
		assertThat(this.provider.chargesOf(this.orderId)).isZero();
	}

	@Test
	void rejectsAnUnknownToken() {
		Answer rejected = this.provider.charge(aKey(), aCharge("tok_unknown", this.orderId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.error().get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(rejected.error().get("param").asString()).isEqualTo("source");
		assertThat(this.provider.chargesOf(this.orderId)).isZero();
	}

	@Test
	void rejectsAChargeWithoutAnIdempotencyKey() {
		Answer rejected = this.provider.charge(null, aCharge("tok_visa", this.orderId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.error().get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(rejected.error().get("param").asString()).isEqualTo("Idempotency-Key");
		assertThat(this.provider.chargesOf(this.orderId)).isZero();
	}

	@Test
	void rejectsAnAmountThatIsNotPositiveNamingTheParameter() {
		Answer rejected = this.provider.charge(aKey(),
				Map.of("amount", BigDecimal.ZERO, "currency", "EUR", "source", "tok_visa", "orderId", this.orderId));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.error().get("type").asString()).isEqualTo("invalid_request_error");
		assertThat(rejected.error().get("param").asString()).isEqualTo("amount");
	}

	@Test
	void answersMalformedJsonInItsOwnErrorShape() {
		Answer rejected = this.provider.post("/v1/charges", aKey(), "{\"amount\": ");

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.error().get("type").asString()).isEqualTo("invalid_request_error");
	}

	@Test
	void findsAChargeByItsIdAndReportsAnUnknownOneMissing() {
		Answer charged = this.provider.charge(aKey(), aCharge("tok_visa", this.orderId));

		assertThat(this.provider.get("/v1/charges/" + charged.id()).body()).isEqualTo(charged.body());
		Answer unknown = this.provider.get("/v1/charges/ch_unknown");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.error().get("code").asString()).isEqualTo("resource_missing");
	}

	@Test
	void reportsItselfUpOnTheHealthEndpoint() {
		Answer health = this.provider.get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().get("status").asString()).isEqualTo("UP");
	}

}
