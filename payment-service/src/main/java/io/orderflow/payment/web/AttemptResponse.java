package io.orderflow.payment.web;

import java.time.Instant;

import io.orderflow.payment.domain.PaymentAttempt;

/** One call to the provider, as recorded. */
public record AttemptResponse(long id, String orderId, PaymentAttempt.Operation operation, String idempotencyKey,
		PaymentAttempt.Outcome outcome, Integer httpStatus, String providerReference, String error, Instant startedAt,
		long durationMs) {

	static AttemptResponse of(PaymentAttempt attempt) {
		return new AttemptResponse(attempt.id(), attempt.orderId(), attempt.operation(), attempt.idempotencyKey(),
				attempt.outcome(), attempt.httpStatus(), attempt.providerReference(), attempt.error(),
				attempt.startedAt(), attempt.duration().toMillis());
	}

}
