package io.orderflow.payment.provider;

/**
 * A 5xx answer: the provider failed and did nothing (Stripe's contract for errors). Also
 * a 429, which did nothing either, but says the provider is busy rather than failing.
 */
class ProviderServerError extends RuntimeException {

	private final int status;

	private final ProviderApi.Error error;

	ProviderServerError(int status, ProviderApi.Error error) {
		super("The provider answered " + status
				+ ((error != null && error.message() != null) ? ": " + error.message() : ""));
		this.status = status;
		this.error = error;
	}

	int status() {
		return this.status;
	}

	/** 429: the provider is fine, only busy; worth retrying, not worth a decline. */
	boolean isThrottling() {
		return this.status == 429;
	}

	/** The provider's error type, e.g. {@code api_error}, if it sent one. */
	String errorType() {
		return (this.error != null) ? this.error.type() : null;
	}

}
