package io.orderflow.payment.provider;

/**
 * An answer of the provider below 500: a body for 2xx, the provider's error for 4xx. 5xx
 * answers are {@link ProviderServerError}s, so that the retry and the circuit breaker see
 * them.
 */
record ProviderResponse<T>(int status, T body, ProviderApi.Error error) {

	boolean isSuccess() {
		return this.status >= 200 && this.status < 300;
	}

	static <T> ProviderResponse<T> success(int status, T body) {
		return new ProviderResponse<>(status, body, null);
	}

	static <T> ProviderResponse<T> refused(int status, ProviderApi.Error error) {
		return new ProviderResponse<>(status, null, error);
	}

}
