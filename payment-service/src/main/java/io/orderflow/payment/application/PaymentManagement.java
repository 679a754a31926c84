package io.orderflow.payment.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.orderflow.payment.domain.ChargeOutcome;
import io.orderflow.payment.domain.ChargeRequest;
import io.orderflow.payment.domain.ChargeResult;
import io.orderflow.payment.domain.Payment;
import io.orderflow.payment.domain.PaymentAttempt;
import io.orderflow.payment.domain.PaymentAttempt.Operation;
import io.orderflow.payment.domain.PaymentAttempts;
import io.orderflow.payment.domain.PaymentProvider;
import io.orderflow.payment.domain.Payments;
import io.orderflow.payment.domain.ProviderUnavailable;
import io.orderflow.payment.domain.RefundOutcome;
import io.orderflow.payment.domain.RefundRefused;
import io.orderflow.payment.domain.RefundResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges and refunds, one payment per order.
 * <p>
 * The provider is called inside the transaction that stores its answer (the inbox's, for
 * a command), so the answer, the event announcing it and the processed message commit
 * together or not at all. A rollback after the provider acted loses nothing: the retry
 * calls again with the same idempotency key and gets the same charge or refund. The price
 * is a database connection held during the call, bounded by the client's timeout and
 * retries.
 */
@Service
public class PaymentManagement {

	private static final Logger logger = LoggerFactory.getLogger(PaymentManagement.class);

	private final Payments payments;

	private final PaymentAttempts attempts;

	private final PaymentProvider provider;

	private final Clock clock;

	public PaymentManagement(Payments payments, PaymentAttempts attempts, PaymentProvider provider, Clock clock) {
		this.payments = payments;
		this.attempts = attempts;
		this.provider = provider;
		this.clock = clock;
	}

	/**
	 * Charges the order once: an order with a payment (or a tombstone) is answered from
	 * it without calling the provider.
	 * @throws ProviderUnavailable when the provider's answer is unknown: try again later
	 */
	@Transactional
	public ChargeOutcome charge(ChargeRequest request) {
		Optional<Payment> existing = this.payments.forOrder(request.orderId());
		if (existing.isPresent()) {
			Payment payment = existing.get();
			if (!payment.isTombstone() && payment.amount().compareTo(request.amount()) != 0) {
				logger.warn("Charge of {} {} for order {} answered from {} made for another amount", request.amount(),
						request.currency(), request.orderId(), payment);
			}
			return payment.answerToCharge();
		}
		Payment payment = Payment.afterCharge(UUID.randomUUID(), request, chargeAtProvider(request),
				this.clock.instant());
		this.payments.add(payment);
		return payment.answerToCharge();
	}

	private ChargeResult chargeAtProvider(ChargeRequest request) {
		// An earlier call may have charged without our hearing the answer (a timeout),
		// and
		// a slow provider answers a replay as slowly as the original: ask what it holds.
		if (this.attempts.anyFor(request.orderId(), Operation.CHARGE)) {
			Optional<ChargeResult> made = this.provider.findCharge(request.orderId());
			if (made.isPresent()) {
				return made.get();
			}
		}
		ChargeResult result = this.provider.charge(request);
		if (result instanceof ChargeResult.Rejected rejected && rejected.keyInUse()) {
			// The key was used before: its charge is the order's. None yet means the
			// earlier call is still in flight at the provider and may yet charge.
			return this.provider.findCharge(request.orderId())
				.orElseThrow(() -> new ProviderUnavailable(
						"Order " + request.orderId() + ": the provider holds the idempotency key but no charge yet",
						null));
		}
		return result;
	}

	/**
	 * Refunds whatever the order was charged, once. An order never charged gets a
	 * tombstone (so a later charge is declined) and is answered with nothing refunded.
	 * @throws ProviderUnavailable when the provider cannot refund now: try again later
	 * @throws RefundRefused when the provider refuses for good
	 */
	@Transactional
	public RefundOutcome refund(String orderId, String reason) {
		Optional<Payment> existing = this.payments.forOrder(orderId);
		if (existing.isEmpty()) {
			Payment tombstone = Payment.cancelledBeforeCharge(UUID.randomUUID(), orderId, reason, this.clock.instant());
			this.payments.add(tombstone);
			return tombstone.answerToRefund();
		}
		Payment payment = existing.get();
		if (!payment.awaitsRefund()) {
			return payment.answerToRefund();
		}
		return switch (refundAtProvider(payment)) {
			case RefundResult.Refunded refund -> {
				Payment refunded = payment.refunded(refund, reason, this.clock.instant());
				this.payments.update(refunded);
				yield refunded.answerToRefund();
			}
			case RefundResult.Refused refused -> throw new RefundRefused("The provider refused to refund " + payment
					+ ": " + refused.status() + " " + refused.code() + " " + refused.message());
		};
	}

	private RefundResult refundAtProvider(Payment payment) {
		if (this.attempts.anyFor(payment.orderId(), Operation.REFUND)) {
			Optional<RefundResult> made = this.provider.findRefund(payment.orderId());
			if (made.isPresent()) {
				return made.get();
			}
		}
		return this.provider.refund(payment);
	}

	@Transactional(readOnly = true)
	public Optional<Payment> find(UUID paymentId) {
		return this.payments.find(paymentId);
	}

	/** The order's payment, as a list: none or one. */
	@Transactional(readOnly = true)
	public List<Payment> forOrder(String orderId) {
		return this.payments.forOrder(orderId).stream().toList();
	}

	/**
	 * Every provider call made for the payment's order, oldest first; none for an unknown
	 * payment.
	 */
	@Transactional(readOnly = true)
	public Optional<List<PaymentAttempt>> attempts(UUID paymentId) {
		return this.payments.find(paymentId).map((payment) -> this.attempts.forOrder(payment.orderId()));
	}

}
