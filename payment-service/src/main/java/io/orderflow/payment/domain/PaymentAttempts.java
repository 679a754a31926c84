package io.orderflow.payment.domain;

import java.util.List;

/**
 * The append-only log of provider calls. An attempt is recorded whatever becomes of the
 * work that made it: a command rolled back for a retry leaves its attempts behind.
 */
public interface PaymentAttempts {

	void record(PaymentAttempt attempt);

	/** An order's attempts, oldest first. */
	List<PaymentAttempt> forOrder(String orderId);

	/** Whether the provider was ever called for this order and operation. */
	boolean anyFor(String orderId, PaymentAttempt.Operation operation);

}
