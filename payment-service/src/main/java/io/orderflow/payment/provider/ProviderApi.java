package io.orderflow.payment.provider;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The provider's JSON, as much of it as payment-service reads; the rest is ignored, as a
 * client of a third party's evolving API must.
 */
final class ProviderApi {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String CHARGES = "/v1/charges";

	static final String REFUNDS = "/v1/refunds";

	static final String SUCCEEDED = "succeeded";

	static final String FAILED = "failed";

	private ProviderApi() {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ChargeBody(BigDecimal amount, String currency, String source, String orderId, String customerId) {

	}

	/**
	 * Refunds the rest of {@code charge}; the order is named so the provider can check
	 * it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RefundBody(String charge, String orderId) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Charge(String id, String status, BigDecimal amount, String currency, String orderId, String idempotencyKey,
			String failureCode) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Refund(String id, String status, BigDecimal amount, String currency, String charge, String orderId,
			String idempotencyKey) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Listing<T>(List<T> data) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorBody(Error error) {

	}

	/**
	 * @param type {@code card_error}, {@code invalid_request_error},
	 * {@code idempotency_error} or {@code api_error}
	 * @param code e.g. {@code card_declined}, {@code resource_missing}
	 * @param declineCode why a card was declined, e.g. {@code generic_decline}
	 * @param charge the declined charge's id
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Error(String type, String code, @JsonProperty("decline_code") String declineCode, String message,
			String charge) {

	}

}
