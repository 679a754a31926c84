package io.orderflow.payment.domain;

/** The provider refused a refund for good: retrying cannot help, an operator must. */
public class RefundRefused extends RuntimeException {

	public RefundRefused(String message) {
		super(message);
	}

}
