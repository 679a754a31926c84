package io.orderflow.payment.domain;

/** A charge that can never be made as asked: no retry will change it. */
public class InvalidPaymentRequest extends RuntimeException {

	public InvalidPaymentRequest(String message) {
		super(message);
	}

}
