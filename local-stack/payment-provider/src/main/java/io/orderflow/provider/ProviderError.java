package io.orderflow.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An error in Stripe's shape, {@code {"error":{"type":...,"code":...,"message":...}}}:
 * the simulator imitates a third party's API, so payment-service must cope with that
 * party's errors rather than with orderflow's problem+json.
 *
 * @param type {@code card_error} (402), {@code invalid_request_error} (4xx),
 * {@code idempotency_error} (409) or {@code api_error} (5xx)
 * @param code a machine-readable reason, e.g. {@code card_declined}
 * @param declineCode why the card was declined, for {@code card_declined}
 * @param param the request parameter at fault, if one is
 * @param charge the declined charge, for {@code card_error}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderError(String type, String code, @JsonProperty("decline_code") String declineCode, String message,
		String param, String charge) {

	static final String CARD_ERROR = "card_error";

	static final String INVALID_REQUEST_ERROR = "invalid_request_error";

	static final String IDEMPOTENCY_ERROR = "idempotency_error";

	static final String API_ERROR = "api_error";

	static ProviderError invalidRequest(String code, String param, String message) {
		return new ProviderError(INVALID_REQUEST_ERROR, code, null, message, param, null);
	}

	/** The response body: the error under {@code error}. */
	public record Body(ProviderError error) {

	}

}
