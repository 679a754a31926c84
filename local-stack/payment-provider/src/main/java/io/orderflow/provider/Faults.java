package io.orderflow.provider;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The chaos knobs: what every charge and refund suffers before the provider looks at it.
 *
 * @param failureRate the share of them answered 500 without being processed (0 to 1)
 * @param latencyMs how long each waits first
 */
public record Faults(@DecimalMin("0") @DecimalMax("1") double failureRate, @PositiveOrZero long latencyMs) {

	static final Faults NONE = new Faults(0, 0);

}
