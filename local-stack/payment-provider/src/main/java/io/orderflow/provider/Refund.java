package io.orderflow.provider;

import java.math.BigDecimal;

/**
 * A refund of (part of) a succeeded charge. Refunds here always succeed: the simulator
 * has no pending or failed refunds.
 *
 * @param charge the id of the refunded charge
 * @param created when it was made, in seconds since the epoch
 */
public record Refund(String id, String status, BigDecimal amount, String currency, String charge, String orderId,
		String idempotencyKey, long created) {

	static final String SUCCEEDED = "succeeded";

}
