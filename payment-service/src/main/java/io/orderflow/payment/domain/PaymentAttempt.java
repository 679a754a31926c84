package io.orderflow.payment.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One call to the provider and how it ended, kept for good: the audit trail of what was
 * asked of the provider, with which key, and what came back.
 *
 * @param id the log's sequence number, none before it is recorded
 * @param httpStatus the provider's status, none when no answer came
 * @param providerReference the charge or refund the answer named, if any
 * @param error what went wrong, if anything
 */
public record PaymentAttempt(Long id, String orderId, Operation operation, String idempotencyKey, Outcome outcome,
		Integer httpStatus, String providerReference, String error, Instant startedAt, Duration duration) {

	public enum Operation {

		CHARGE,

		REFUND,

		/** A look-up of the charge an earlier call may have made. */
		CHARGE_LOOKUP,

		/** A look-up of the refund an earlier call may have made. */
		REFUND_LOOKUP

	}

	public enum Outcome {

		/** 2xx: the charge or refund was made, or the look-up found one. */
		SUCCEEDED,

		/** 402: the card was declined. */
		DECLINED,

		/** Another 4xx: the request was refused. */
		REJECTED,

		/** A look-up found nothing. */
		NOT_FOUND,

		/** 5xx. */
		PROVIDER_ERROR,

		/** 429: too many requests, nothing done. */
		THROTTLED,

		/** No answer in time: the outcome is unknown. */
		TIMEOUT,

		/** No connection. */
		UNREACHABLE,

		/** The connection failed after the request was sent: the outcome is unknown. */
		IO_ERROR,

		/** Not sent: the circuit breaker is open. */
		CIRCUIT_OPEN,

		/** Not sent: too many calls in flight. */
		BULKHEAD_FULL,

		/** Anything else, e.g. an answer that could not be read. */
		FAILED

	}

}
