package io.orderflow.order.saga;

/**
 * One entry of a saga's history: which step of the saga an input concerned and what came
 * of it.
 *
 * @param detail what an operator wants to know beyond the outcome, or null
 */
public record SagaStep(Name name, Outcome outcome, String detail) {

	public enum Name {

		PLACE_ORDER, RESERVE_STOCK, CHARGE_PAYMENT, COMMIT_STOCK, RELEASE_STOCK, REFUND_PAYMENT, COMPENSATE

	}

	public enum Outcome {

		/** The saga began. */
		STARTED,

		/** The participant did what was asked. */
		SUCCEEDED,

		/** The participant refused (out of stock, declined). */
		FAILED,

		/** The deadline passed without an answer; compensation begins. */
		TIMED_OUT,

		/** The deadline passed during compensation; the pending commands went again. */
		RETRIED,

		/** Compensation failed for good; the saga waits for an operator. */
		PARKED,

		/** An operator resumed the saga. */
		RESUMED,

		/** A reply came too late to be used; what it holds is being given back. */
		COMPENSATING_LATE_REPLY,

		/** A duplicate, late or impossible input that changes nothing. */
		IGNORED

	}

}
