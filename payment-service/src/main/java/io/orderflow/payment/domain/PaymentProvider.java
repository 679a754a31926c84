package io.orderflow.payment.domain;

import java.util.Optional;

/**
 * The external card provider. Every call carries an idempotency key derived from the
 * order, so repeating a call whose answer was lost never moves money twice.
 */
public interface PaymentProvider {

	/** The idempotency key of an order's charge. */
	static String chargeKey(String orderId) {
		return orderId;
	}

	/** The idempotency key of an order's refund. */
	static String refundKey(String orderId) {
		return "refund-" + orderId;
	}

	/**
	 * Charges with key {@link #chargeKey}.
	 * @throws ProviderUnavailable when the outcome is unknown
	 */
	ChargeResult charge(ChargeRequest request);

	/**
	 * The charge an earlier call with key {@link #chargeKey} made, if any: the way to
	 * learn the outcome of a call whose answer never came.
	 * @throws ProviderUnavailable when the provider cannot be asked
	 */
	Optional<ChargeResult> findCharge(String orderId);

	/**
	 * Refunds the rest of the payment's charge with key {@link #refundKey}.
	 * @throws ProviderUnavailable when the outcome is unknown or the provider fails
	 */
	RefundResult refund(Payment payment);

	/**
	 * The refund an earlier call with key {@link #refundKey} made, if any.
	 * @throws ProviderUnavailable when the provider cannot be asked
	 */
	Optional<RefundResult> findRefund(String orderId);

}
