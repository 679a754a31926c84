package io.orderflow.payment.domain;

import java.math.BigDecimal;

/**
 * The provider's definite answer to a refund. An answer that never came, or a provider
 * failure, is a {@link ProviderUnavailable}: a refund must happen eventually.
 */
public sealed interface RefundResult {

	record Refunded(String refundId, BigDecimal amount) implements RefundResult {

	}

	/** Refused for good (4xx), e.g. the charge is unknown to the provider. */
	record Refused(int status, String code, String message) implements RefundResult {

	}

}
