package io.orderflow.payment.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.orderflow.payment.domain.ChargeOutcome;
import io.orderflow.payment.domain.ChargeRequest;
import io.orderflow.payment.domain.ChargeResult;
import io.orderflow.payment.domain.Payment;
import io.orderflow.payment.domain.PaymentAttempt;
import io.orderflow.payment.domain.PaymentAttempt.Operation;
import io.orderflow.payment.domain.PaymentAttempt.Outcome;
import io.orderflow.payment.domain.PaymentAttempts;
import io.orderflow.payment.domain.PaymentProvider;
import io.orderflow.payment.domain.PaymentStatus;
import io.orderflow.payment.domain.Payments;
import io.orderflow.payment.domain.ProviderUnavailable;
import io.orderflow.payment.domain.RefundOutcome;
import io.orderflow.payment.domain.RefundRefused;
import io.orderflow.payment.domain.RefundResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The use cases against a scripted provider and in-memory storage: given what is stored
 * and what the provider answers, what is called, stored and answered.
 */
class PaymentManagementTests {

	private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

	private static final String ORDER = "order-1";

	private final InMemoryPayments payments = new InMemoryPayments();

	private final InMemoryAttempts attempts = new InMemoryAttempts();

	private final ScriptedProvider provider = new ScriptedProvider();

	private final PaymentManagement management = new PaymentManagement(this.payments, this.attempts, this.provider,
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void chargesAtTheProviderAndStoresTheCharge() {
		this.provider.charges.add(new ChargeResult.Approved("ch_1", new BigDecimal("44.99"), "EUR"));

		ChargeOutcome outcome = this.management.charge(aCharge());

		assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Charged.class,
				(charged) -> assertThat(charged.providerChargeId()).isEqualTo("ch_1"));
		assertThat(this.provider.calls).containsExactly("charge " + ORDER);
		assertThat(this.payments.forOrder(ORDER)).get()
			.satisfies((payment) -> assertThat(payment.status()).isEqualTo(PaymentStatus.CHARGED));
	}

	@Test
	void answersARepeatedChargeFromTheStoredPaymentWithoutCallingTheProvider() {
		this.provider.charges.add(new ChargeResult.CardDeclined("ch_2", "card_declined"));
		ChargeOutcome first = this.management.charge(aCharge());

		ChargeOutcome again = this.management.charge(aCharge());

		assertThat(again).isEqualTo(first).isInstanceOf(ChargeOutcome.Declined.class);
		assertThat(this.provider.calls).containsExactly("charge " + ORDER);
	}

	@Test
	void declinesAChargeWhoseRefundCameFirstWithoutCallingTheProvider() {
		RefundOutcome refund = this.management.refund(ORDER, "TIMEOUT");

		ChargeOutcome outcome = this.management.charge(aCharge());

		assertThat(refund.amount()).isEqualByComparingTo("0");
		assertThat(outcome).isEqualTo(new ChargeOutcome.Declined(ORDER, refund.paymentId(), "ORDER_CANCELLED", null));
		assertThat(this.provider.calls).isEmpty();
	}

	@Test
	void asksTheProviderForTheChargeOfAnEarlierTryBeforeChargingAgain() {
		this.attempts.record(anAttempt(Operation.CHARGE, Outcome.TIMEOUT));
		this.provider.foundCharge = Optional.of(new ChargeResult.Approved("ch_slow", new BigDecimal("44.99"), "EUR"));

		ChargeOutcome outcome = this.management.charge(aCharge());

		assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Charged.class,
				(charged) -> assertThat(charged.providerChargeId()).isEqualTo("ch_slow"));
		assertThat(this.provider.calls).containsExactly("findCharge " + ORDER);
	}

	@Test
	void chargesWhenTheEarlierTryLeftNoCharge() {
		this.attempts.record(anAttempt(Operation.CHARGE, Outcome.UNREACHABLE));
		this.provider.charges.add(new ChargeResult.Approved("ch_1", new BigDecimal("44.99"), "EUR"));

		this.management.charge(aCharge());

		assertThat(this.provider.calls).containsExactly("findCharge " + ORDER, "charge " + ORDER);
	}

	@Test
	void takesTheChargeMadeWithItsKeyWhenTheProviderSaysTheKeyIsInUse() {
		this.provider.charges.add(new ChargeResult.Rejected(409, "idempotency_key_in_use", "Keys ..."));
		this.provider.foundCharge = Optional.of(new ChargeResult.Approved("ch_1", new BigDecimal("40.00"), "EUR"));

		ChargeOutcome outcome = this.management.charge(aCharge());

		assertThat(outcome).isInstanceOfSatisfying(ChargeOutcome.Charged.class,
				(charged) -> assertThat(charged.amount()).isEqualByComparingTo("40.00"));
	}

	@Test
	void waitsWhenTheKeyIsInUseButNoChargeIsThereYet() {
		this.provider.charges.add(new ChargeResult.Rejected(409, "idempotency_key_in_use", "In progress"));

		assertThatExceptionOfType(ProviderUnavailable.class).isThrownBy(() -> this.management.charge(aCharge()));
		assertThat(this.payments.forOrder(ORDER)).as("not declined: the earlier call may yet charge").isEmpty();
	}

	@Test
	void storesNothingWhenTheProvidersAnswerIsUnknown() {
		this.provider.unavailable = true;

		assertThatExceptionOfType(ProviderUnavailable.class).isThrownBy(() -> this.management.charge(aCharge()));
		assertThat(this.payments.forOrder(ORDER)).isEmpty();
	}

	@Test
	void refundsAChargedPaymentAtTheProviderOnce() {
		chargeOnce();
		this.provider.refunds.add(new RefundResult.Refunded("re_1", new BigDecimal("44.99")));

		RefundOutcome first = this.management.refund(ORDER, "TIMEOUT");
		RefundOutcome again = this.management.refund(ORDER, "TIMEOUT");

		assertThat(first).isEqualTo(again);
		assertThat(first.amount()).isEqualByComparingTo("44.99");
		assertThat(first.providerRefundId()).isEqualTo("re_1");
		assertThat(this.provider.calls).containsExactly("charge " + ORDER, "refund " + ORDER);
		assertThat(this.payments.forOrder(ORDER)).get()
			.satisfies((payment) -> assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED));
	}

	@Test
	void asksTheProviderForTheRefundOfAnEarlierTryBeforeRefundingAgain() {
		chargeOnce();
		this.attempts.record(anAttempt(Operation.REFUND, Outcome.TIMEOUT));
		this.provider.foundRefund = Optional.of(new RefundResult.Refunded("re_1", new BigDecimal("44.99")));

		RefundOutcome outcome = this.management.refund(ORDER, "TIMEOUT");

		assertThat(outcome.providerRefundId()).isEqualTo("re_1");
		assertThat(this.provider.calls).containsExactly("charge " + ORDER, "findRefund " + ORDER);
	}

	@Test
	void refundsNothingForADeclinedPaymentAndLeavesItDeclined() {
		this.provider.charges.add(new ChargeResult.CardDeclined("ch_2", "card_declined"));
		this.management.charge(aCharge());

		RefundOutcome outcome = this.management.refund(ORDER, "PAYMENT_DECLINED");

		assertThat(outcome.amount()).isEqualByComparingTo("0");
		assertThat(this.provider.calls).containsExactly("charge " + ORDER);
		assertThat(this.payments.forOrder(ORDER)).get()
			.satisfies((payment) -> assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED));
	}

	@Test
	void aRefundTheProviderRefusesIsRefusedForGood() {
		chargeOnce();
		this.provider.refunds.add(new RefundResult.Refused(400, "charge_already_refunded", "Already refunded"));

		assertThatExceptionOfType(RefundRefused.class).isThrownBy(() -> this.management.refund(ORDER, "TIMEOUT"))
			.withMessageContaining("charge_already_refunded");
		assertThat(this.payments.forOrder(ORDER)).get()
			.satisfies((payment) -> assertThat(payment.status()).isEqualTo(PaymentStatus.CHARGED));
	}

	private void chargeOnce() {
		this.provider.charges.add(new ChargeResult.Approved("ch_1", new BigDecimal("44.99"), "EUR"));
		this.management.charge(aCharge());
	}

	private static ChargeRequest aCharge() {
		return new ChargeRequest(ORDER, "c-1", new BigDecimal("44.99"), "EUR", "tok_visa");
	}

	private static PaymentAttempt anAttempt(Operation operation, Outcome outcome) {
		return new PaymentAttempt(null, ORDER, operation, ORDER, outcome, null, null, null, NOW, Duration.ZERO);
	}

	private static final class ScriptedProvider implements PaymentProvider {

		final List<String> calls = new ArrayList<>();

		final Deque<ChargeResult> charges = new ArrayDeque<>();

		final Deque<RefundResult> refunds = new ArrayDeque<>();

		Optional<ChargeResult> foundCharge = Optional.empty();

		Optional<RefundResult> foundRefund = Optional.empty();

		boolean unavailable;

		@Override
		public ChargeResult charge(ChargeRequest request) {
			this.calls.add("charge " + request.orderId());
			if (this.unavailable) {
				throw new ProviderUnavailable("timed out", null);
			}
			return this.charges.remove();
		}

		@Override
		public Optional<ChargeResult> findCharge(String orderId) {
			this.calls.add("findCharge " + orderId);
			return this.foundCharge;
		}

		@Override
		public RefundResult refund(Payment payment) {
			this.calls.add("refund " + payment.orderId());
			return this.refunds.remove();
		}

		@Override
		public Optional<RefundResult> findRefund(String orderId) {
			this.calls.add("findRefund " + orderId);
			return this.foundRefund;
		}

	}

	private static final class InMemoryPayments implements Payments {

		private final Map<UUID, Payment> byId = new LinkedHashMap<>();

		@Override
		public Optional<Payment> find(UUID paymentId) {
			return Optional.ofNullable(this.byId.get(paymentId));
		}

		@Override
		public Optional<Payment> forOrder(String orderId) {
			return this.byId.values().stream().filter((payment) -> payment.orderId().equals(orderId)).findFirst();
		}

		@Override
		public void add(Payment payment) {
			if (forOrder(payment.orderId()).isPresent()) {
				throw new IllegalStateException("Order " + payment.orderId() + " has a payment");
			}
			this.byId.put(payment.paymentId(), payment);
		}

		@Override
		public void update(Payment payment) {
			this.byId.put(payment.paymentId(), payment);
		}

	}

	private static final class InMemoryAttempts implements PaymentAttempts {

		private final List<PaymentAttempt> attempts = new ArrayList<>();

		@Override
		public void record(PaymentAttempt attempt) {
			this.attempts.add(attempt);
		}

		@Override
		public List<PaymentAttempt> forOrder(String orderId) {
			return this.attempts.stream().filter((attempt) -> attempt.orderId().equals(orderId)).toList();
		}

		@Override
		public boolean anyFor(String orderId, Operation operation) {
			return this.attempts.stream()
				.anyMatch((attempt) -> attempt.orderId().equals(orderId) && attempt.operation() == operation);
		}

	}

}
