package io.orderflow.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.contract.payment.PaymentDeclined;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.payment.application.PaymentManagement;
import io.orderflow.payment.domain.PaymentAttempt;
import io.orderflow.payment.domain.PaymentAttempt.Operation;
import io.orderflow.payment.domain.PaymentAttempt.Outcome;
import io.orderflow.payment.domain.PaymentStatus;
import io.orderflow.payment.support.PaymentFlowTest;
import io.orderflow.payment.support.ProviderSimulator.Charge;
import io.orderflow.payment.support.ProviderSimulator.Simulator;
import io.orderflow.payment.support.Saga;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * ChargePayment against the real provider simulator: each card token's outcome, exactly
 * one charge at the provider however often the command comes, every try in the log.
 */
@PaymentFlowTest
class ChargePaymentFlowIT {

	@Autowired
	Saga saga;

	@Autowired
	PaymentManagement payments;

	@Test
	void chargesAVisaCardOnceAndAnswersPaymentCharged(Simulator provider) {
		String orderId = newOrderId();

		this.saga.send(charge(orderId, "tok_visa"));

		PaymentCharged charged = this.saga.awaitEvent(orderId, PaymentCharged.class);
		assertThat(charged.amount()).isEqualByComparingTo("44.99");
		assertThat(charged.currency()).isEqualTo("EUR");
		assertThat(provider.charges(orderId)).singleElement().satisfies((charge) -> {
			assertThat(charge.id()).isEqualTo(charged.providerChargeId());
			assertThat(charge.status()).isEqualTo("succeeded");
			assertThat(charge.amount()).isEqualByComparingTo("44.99");
			assertThat(charge.idempotencyKey()).isEqualTo(orderId);
		});
		assertThat(this.payments.forOrder(orderId)).singleElement().satisfies((payment) -> {
			assertThat(payment.paymentId()).hasToString(charged.paymentId());
			assertThat(payment.status()).isEqualTo(PaymentStatus.CHARGED);
		});
		assertThat(attempts(charged.paymentId())).extracting(PaymentAttempt::operation, PaymentAttempt::outcome)
			.containsExactly(tuple(Operation.CHARGE, Outcome.SUCCEEDED));
	}

	@Test
	void answersARedeliveredOrRepeatedChargeWithoutChargingAgain(Simulator provider) {
		String orderId = newOrderId();
		UUID messageId = this.saga.send(charge(orderId, "tok_visa"));
		PaymentCharged first = this.saga.awaitEvent(orderId, PaymentCharged.class);

		// Per-key order: once the answer to the third is out, the redelivery before it
		// was handled.
		this.saga.send(charge(orderId, "tok_visa"), messageId);
		this.saga.send(charge(orderId, "tok_visa"));

		List<PaymentEvent> events = this.saga.awaitEvents(orderId, 2);
		assertThat(events).as("the redelivery is skipped, the repeat answered again").hasSize(2);
		assertThat(events.get(1)).isEqualTo(first);
		assertThat(provider.charges(orderId)).hasSize(1);
		assertThat(attempts(first.paymentId())).hasSize(1);
	}

	@Test
	void declinesADeclinedCardAsCardDeclined(Simulator provider) {
		String orderId = newOrderId();

		this.saga.send(charge(orderId, "tok_chargeDeclined"));

		PaymentDeclined declined = this.saga.awaitEvent(orderId, PaymentDeclined.class);
		assertThat(declined.reason()).isEqualTo("CARD_DECLINED");
		assertThat(declined.declineCode()).isEqualTo("card_declined");
		assertThat(provider.charges(orderId)).singleElement()
			.satisfies((charge) -> assertThat(charge.status()).isEqualTo("failed"));
		assertThat(attempts(declined.paymentId())).extracting(PaymentAttempt::outcome)
			.containsExactly(Outcome.DECLINED);
	}

	@Test
	void declinesAsProviderErrorWhenTheProviderFailsOnEveryTry(Simulator provider) {
		String orderId = newOrderId();

		this.saga.send(charge(orderId, "tok_error"));

		PaymentDeclined declined = this.saga.awaitEvent(orderId, PaymentDeclined.class);
		assertThat(declined.reason()).isEqualTo("PROVIDER_ERROR");
		assertThat(declined.declineCode()).isEqualTo("api_error");
		assertThat(provider.charges(orderId)).isEmpty();
		assertThat(attempts(declined.paymentId())).hasSize(3).allSatisfy((attempt) -> {
			assertThat(attempt.outcome()).isEqualTo(Outcome.PROVIDER_ERROR);
			assertThat(attempt.httpStatus()).isEqualTo(500);
		});
	}

	@Test
	void chargesASlowCardOnceThoughEveryCallTimesOut(Simulator provider) {
		String orderId = newOrderId();

		this.saga.send(charge(orderId, "tok_slow"));

		PaymentCharged charged = this.saga.awaitEvent(orderId, PaymentCharged.class);
		List<Charge> charges = provider.charges(orderId);
		assertThat(charges).singleElement()
			.satisfies((charge) -> assertThat(charge.id()).isEqualTo(charged.providerChargeId()));
		List<PaymentAttempt> attempts = attempts(charged.paymentId());
		assertThat(attempts).filteredOn((attempt) -> attempt.operation() == Operation.CHARGE)
			.as("the timed-out tries outlive the rolled-back transaction of the command's first run")
			.hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((attempt) -> assertThat(attempt.outcome()).isEqualTo(Outcome.TIMEOUT));
		assertThat(attempts.getLast()).satisfies((found) -> {
			assertThat(found.operation()).isEqualTo(Operation.CHARGE_LOOKUP);
			assertThat(found.outcome()).isEqualTo(Outcome.SUCCEEDED);
			assertThat(found.providerReference()).isEqualTo(charged.providerChargeId());
		});
	}

	@Test
	void declinesATokenTheProviderDoesNotKnowAsRejected(Simulator provider) {
		String orderId = newOrderId();

		this.saga.send(charge(orderId, "tok_unknown"));

		PaymentDeclined declined = this.saga.awaitEvent(orderId, PaymentDeclined.class);
		assertThat(declined.reason()).isEqualTo("PAYMENT_REJECTED");
		assertThat(declined.declineCode()).isEqualTo("resource_missing");
		assertThat(provider.charges(orderId)).isEmpty();
	}

	private List<PaymentAttempt> attempts(String paymentId) {
		return this.payments.attempts(UUID.fromString(paymentId)).orElseThrow();
	}

	static ChargePayment charge(String orderId, String token) {
		return new ChargePayment(orderId, "c-1", new BigDecimal("44.99"), "EUR", token);
	}

	static String newOrderId() {
		return UUID.randomUUID().toString();
	}

}
