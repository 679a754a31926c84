package io.orderflow.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the API and the database hold them: two decimals. */
final class Money {

	private Money() {
	}

	/**
	 * {@code value} with two decimals.
	 * @throws ArithmeticException when that would lose a digit
	 */
	static BigDecimal amount(BigDecimal value) {
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

}
