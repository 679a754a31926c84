package io.orderflow.payment.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** The answer to a charge request, stored or new: what the saga is told. */
public sealed interface ChargeOutcome {

	String orderId();

	UUID paymentId();

	record Charged(String orderId, UUID paymentId, BigDecimal amount, String currency,
			String providerChargeId) implements ChargeOutcome {

	}

	/**
	 * @param reason one of {@link DeclineReason}
	 * @param declineCode the provider's code, none for {@code ORDER_CANCELLED}
	 */
	record Declined(String orderId, UUID paymentId, String reason, String declineCode) implements ChargeOutcome {

	}

}
