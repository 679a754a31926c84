package io.orderflow.payment.domain;

import java.math.BigDecimal;

/**
 * The provider's definite answer to a charge. An answer that never came is not a result
 * but a {@link ProviderUnavailable}.
 */
public sealed interface ChargeResult {

	/** The money was taken. */
	record Approved(String chargeId, BigDecimal amount, String currency) implements ChargeResult {

	}

	/**
	 * The card was declined (402).
	 *
	 * @param declineCode the provider's reason, e.g. {@code generic_decline}
	 */
	record CardDeclined(String chargeId, String declineCode) implements ChargeResult {

	}

	/**
	 * The provider failed (5xx) on every try: it answered, so nothing was charged.
	 *
	 * @param errorType the provider's error type, e.g. {@code api_error}
	 */
	record ProviderFailed(int status, String errorType, String message) implements ChargeResult {

	}

	/**
	 * The provider refused the request itself (4xx other than a decline), e.g. an unknown
	 * token.
	 *
	 * @param code the provider's error code, e.g. {@code resource_missing}
	 */
	record Rejected(int status, String code, String message) implements ChargeResult {

		static final String KEY_IN_USE = "idempotency_key_in_use";

		/**
		 * The idempotency key was used before with other parameters: a charge for the
		 * order may exist.
		 */
		public boolean keyInUse() {
			return this.status == 409 || KEY_IN_USE.equals(this.code);
		}

	}

}
