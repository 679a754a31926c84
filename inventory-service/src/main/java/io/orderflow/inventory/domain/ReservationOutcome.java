package io.orderflow.inventory.domain;

import java.math.BigDecimal;
import java.util.List;

/** The answer to an order's request for stock, the same however often it is asked. */
public sealed interface ReservationOutcome {

	/** Every line is held, at these prices. */
	record Reserved(List<ReservationLine> lines, BigDecimal total, String currency) implements ReservationOutcome {
	}

	/** Nothing is held; {@code skus} are the products at fault, if any, in sku order. */
	record Refused(ReservationFailure reason, List<String> skus) implements ReservationOutcome {
	}

}
