package io.orderflow.payment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in major units with two decimals, as stored and published. */
public final class Money {

	public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private Money() {
	}

	/** {@code amount} with scale 2; an amount with more decimals is refused. */
	public static BigDecimal of(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

}
