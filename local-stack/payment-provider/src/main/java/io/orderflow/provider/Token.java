package io.orderflow.provider;

import java.util.Arrays;
import java.util.Optional;

/** The test card tokens and the outcome each one forces, as in Stripe's test mode. */
enum Token {

	/** Approves. */
	VISA("tok_visa"),

	/** Declines; the declined attempt is recorded, as a real provider records it. */
	CHARGE_DECLINED("tok_chargeDeclined"),

	/** Approves, but answers only after the configured delay: the client times out. */
	SLOW("tok_slow"),

	/** A provider fault (500): nothing is charged and nothing is recorded. */
	ERROR("tok_error");

	private final String id;

	Token(String id) {
		this.id = id;
	}

	String id() {
		return this.id;
	}

	static Optional<Token> of(String id) {
		return Arrays.stream(values()).filter((token) -> token.id.equals(id)).findFirst();
	}

}
