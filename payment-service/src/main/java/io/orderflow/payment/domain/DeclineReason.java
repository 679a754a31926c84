package io.orderflow.payment.domain;

/** Why a charge was declined: the {@code reason} of {@code PaymentDeclined}. */
public final class DeclineReason {

	/** The provider declined the card (402). */
	public static final String CARD_DECLINED = "CARD_DECLINED";

	/** The provider failed (5xx) on every try; nothing was charged. */
	public static final String PROVIDER_ERROR = "PROVIDER_ERROR";

	/** The order was cancelled at payment (a refund arrived first) before any charge. */
	public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

	/** The provider refused the request itself (4xx), e.g. an unknown card token. */
	public static final String PAYMENT_REJECTED = "PAYMENT_REJECTED";

	/** The provider's error type when a 5xx carried none. */
	static final String DEFAULT_PROVIDER_ERROR_CODE = "api_error";

	private DeclineReason() {
	}

}
