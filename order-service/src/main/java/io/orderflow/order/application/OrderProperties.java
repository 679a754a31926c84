package io.orderflow.order.application;

import java.time.Duration;

import io.orderflow.order.saga.SagaTimeouts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderflow.order.*}.
 *
 * @param saga the place-order saga's deadlines and their scheduler
 * @param idempotency how long placement responses are kept for retries
 */
@ConfigurationProperties("orderflow.order")
public record OrderProperties(@DefaultValue Saga saga, @DefaultValue Idempotency idempotency) {

	/**
	 * @param reserveTimeout the wait for inventory's answer to ReserveStock
	 * @param paymentTimeout the wait for payment's answer to ChargePayment
	 * @param compensationTimeout the wait for StockReleased and PaymentRefunded, per
	 * attempt
	 * @param maxCompensationAttempts how many times compensation commands are sent (the
	 * first included) before the saga parks in COMPENSATION_FAILED
	 * @param deadlinePollInterval how often each instance looks for due deadlines
	 * @param deadlineBatchSize how many due sagas one transaction claims
	 */
	public record Saga(@DefaultValue("30s") Duration reserveTimeout, @DefaultValue("30s") Duration paymentTimeout,
			@DefaultValue("30s") Duration compensationTimeout, @DefaultValue("3") int maxCompensationAttempts,
			@DefaultValue("500ms") Duration deadlinePollInterval, @DefaultValue("100") int deadlineBatchSize) {

		public SagaTimeouts timeouts() {
			return new SagaTimeouts(this.reserveTimeout, this.paymentTimeout, this.compensationTimeout,
					this.maxCompensationAttempts);
		}

	}

	/**
	 * @param retention how long a key answers with its stored response; afterwards it may
	 * be used for a new order
	 * @param cleanupInterval how often expired keys are deleted
	 */
	public record Idempotency(@DefaultValue("24h") Duration retention, @DefaultValue("10m") Duration cleanupInterval) {
	}

}
