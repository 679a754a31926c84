package io.orderflow.provider;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What an idempotency key produced: the request it was first used with and the outcome
 * that request got. Also a line of the {@link Journal}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = Recorded.ChargeRecorded.class, name = "charge"),
		@JsonSubTypes.Type(value = Recorded.RefundRecorded.class, name = "refund") })
sealed interface Recorded {

	/** A charge, succeeded or declined, as it was when made. */
	record ChargeRecorded(ChargeRequest request, Charge charge) implements Recorded {

	}

	record RefundRecorded(RefundRequest request, Refund refund) implements Recorded {

	}

}
