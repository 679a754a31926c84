package io.orderflow.provider;

/** A request the provider refuses or fails, with the status and error it answers. */
final class ProviderException extends RuntimeException {

	private final int status;

	private final ProviderError error;

	private ProviderException(int status, ProviderError error) {
		super(error.message());
		this.status = status;
		this.error = error;
	}

	static ProviderException invalidRequest(String code, String param, String message) {
		return new ProviderException(400, ProviderError.invalidRequest(code, param, message));
	}

	static ProviderException notFound(String param, String message) {
		return new ProviderException(404, ProviderError.invalidRequest("resource_missing", param, message));
	}

	static ProviderException declined(Charge charge) {
		return new ProviderException(402, new ProviderError(ProviderError.CARD_ERROR, charge.failureCode(),
				"generic_decline", "Your card was declined.", null, charge.id()));
	}

	/**
	 * Stripe's answer to a key reused with other parameters or on another endpoint; a 409
	 * here, so a client can tell it from a request that is wrong in itself.
	 */
	static ProviderException keyReused(String key) {
		return new ProviderException(409,
				new ProviderError(ProviderError.IDEMPOTENCY_ERROR, "idempotency_key_in_use", null,
						"Keys for idempotent requests can only be used with the same parameters and endpoint they were "
								+ "first used with. Try using a key other than '" + key
								+ "' if you meant to execute a different request.",
						IdempotencyKey.HEADER, null));
	}

	static ProviderException fault(String message) {
		return new ProviderException(500, new ProviderError(ProviderError.API_ERROR, null, null, message, null, null));
	}

	int status() {
		return this.status;
	}

	ProviderError error() {
		return this.error;
	}

}
