package io.orderflow.payment.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentTests {

	private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

	private static final UUID PAYMENT_ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

	private static final ChargeRequest REQUEST = new ChargeRequest("order-1", "c-1", new BigDecimal("44.99"), "eur",
			"tok_visa");

	@Test
	void anApprovedChargeIsAnsweredChargedWithTheProvidersCharge() {
		Payment payment = Payment.afterCharge(PAYMENT_ID, REQUEST,
				new ChargeResult.Approved("ch_1", new BigDecimal("44.99"), "eur"), NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.CHARGED);
		assertThat(payment.answerToCharge())
			.isEqualTo(new ChargeOutcome.Charged("order-1", PAYMENT_ID, new BigDecimal("44.99"), "EUR", "ch_1"));
	}

	@Test
	void theChargedAmountIsWhatTheProviderCharged() {
		Payment payment = Payment.afterCharge(PAYMENT_ID, REQUEST,
				new ChargeResult.Approved("ch_1", new BigDecimal("40"), "EUR"), NOW);

		assertThat(payment.amount()).isEqualByComparingTo("40.00").hasToString("40.00");
	}

	@Test
	void aDeclinedCardIsAnsweredCardDeclinedWithTheProvidersCode() {
		Payment payment = Payment.afterCharge(PAYMENT_ID, REQUEST,
				new ChargeResult.CardDeclined("ch_2", "card_declined"), NOW);

		assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
		assertThat(payment.providerChargeId()).isEqualTo("ch_2");
		assertThat(payment.answerToCharge())
			.isEqualTo(new ChargeOutcome.Declined("order-1", PAYMENT_ID, "CARD_DECLINED", "card_declined"));
	}

	@Test
	void aProviderFailingOnEveryTryIsAnsweredProviderError() {
		Payment payment = Payment.afterCharge(PAYMENT_ID, REQUEST, new ChargeResult.ProviderFailed(500, null, "boom"),
				NOW);

		assertThat(payment.answerToCharge())
			.isEqualTo(new ChargeOutcome.Declined("order-1", PAYMENT_ID, "PROVIDER_ERROR", "api_error"));
	}

	@Test
	void aRequestTheProviderRefusesIsAnsweredPaymentRejected() {
		Payment payment = Payment.afterCharge(PAYMENT_ID, REQUEST,
				new ChargeResult.Rejected(400, "resource_missing", "No such token"), NOW);

		assertThat(payment.answerToCharge())
			.isEqualTo(new ChargeOutcome.Declined("order-1", PAYMENT_ID, "PAYMENT_REJECTED", "resource_missing"));
	}

	@Test
	void aTombstoneAnswersAChargeWithOrderCancelled() {
		Payment tombstone = Payment.cancelledBeforeCharge(PAYMENT_ID, "order-1", "TIMEOUT", NOW);

		assertThat(tombstone.isTombstone()).isTrue();
		assertThat(tombstone.answerToCharge())
			.isEqualTo(new ChargeOutcome.Declined("order-1", PAYMENT_ID, "ORDER_CANCELLED", null));
	}

	@Test
	void aTombstoneAnswersARefundWithNothingRefunded() {
		Payment tombstone = Payment.cancelledBeforeCharge(PAYMENT_ID, "order-1", "TIMEOUT", NOW);

		assertThat(tombstone.awaitsRefund()).isFalse();
		assertThat(tombstone.answerToRefund())
			.isEqualTo(new RefundOutcome("order-1", PAYMENT_ID, new BigDecimal("0.00"), null, null));
	}

	@Test
	void aChargedPaymentAwaitsItsRefundAtTheProvider() {
		Payment charged = charged();

		assertThat(charged.awaitsRefund()).isTrue();
		assertThatIllegalStateException().isThrownBy(charged::answerToRefund);
	}

	@Test
	void aRefundedPaymentAnswersRefundsWithItsRefund() {
		Payment refunded = charged().refunded(new RefundResult.Refunded("re_1", new BigDecimal("44.99")), "TIMEOUT",
				NOW.plusSeconds(5));

		assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
		assertThat(refunded.isTombstone()).isFalse();
		assertThat(refunded.awaitsRefund()).isFalse();
		assertThat(refunded.refundReason()).isEqualTo("TIMEOUT");
		assertThat(refunded.updatedAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(refunded.answerToRefund())
			.isEqualTo(new RefundOutcome("order-1", PAYMENT_ID, new BigDecimal("44.99"), "EUR", "re_1"));
	}

	@Test
	void aRefundedChargeStillAnswersAChargeWithTheChargeItWas() {
		Payment refunded = charged().refunded(new RefundResult.Refunded("re_1", new BigDecimal("44.99")), "TIMEOUT",
				NOW);

		assertThat(refunded.answerToCharge()).isInstanceOf(ChargeOutcome.Charged.class);
	}

	@Test
	void aDeclinedPaymentAnswersARefundWithNothingRefunded() {
		Payment declined = Payment.afterCharge(PAYMENT_ID, REQUEST,
				new ChargeResult.CardDeclined("ch_2", "card_declined"), NOW);

		assertThat(declined.awaitsRefund()).isFalse();
		assertThat(declined.answerToRefund())
			.isEqualTo(new RefundOutcome("order-1", PAYMENT_ID, new BigDecimal("0.00"), "EUR", null));
	}

	@Test
	void onlyAChargedPaymentCanBeRefunded() {
		Payment declined = Payment.afterCharge(PAYMENT_ID, REQUEST,
				new ChargeResult.CardDeclined("ch_2", "card_declined"), NOW);

		assertThatIllegalStateException().isThrownBy(
				() -> declined.refunded(new RefundResult.Refunded("re_1", new BigDecimal("1.00")), "TIMEOUT", NOW));
	}

	private static Payment charged() {
		return Payment.afterCharge(PAYMENT_ID, REQUEST,
				new ChargeResult.Approved("ch_1", new BigDecimal("44.99"), "EUR"), NOW);
	}

}
