package io.orderflow.messaging.failure;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.MessagingProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Builds the listeners' error handler: Spring Kafka's {@link DefaultErrorHandler}
 * (retries in place, seeking back so the partition's order holds) with a back-off chosen
 * per failure by the {@link FailureClassifier}:
 * <ul>
 * <li>permanent: no retry, straight to the recoverer (the dead-letter topic);</li>
 * <li>transient: exponential back-off capped at {@code transient-max-backoff}, with no
 * limit on attempts, so a message waits for its database or downstream service instead of
 * being dead-lettered while it is merely down;</li>
 * <li>unclassified: {@code unclassified-retries} retries, then the recoverer.</li>
 * </ul>
 */
public final class ListenerErrorHandling {

	private ListenerErrorHandling() {
	}

	public static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer recoverer, FailureClassifier classifier,
			MessagingProperties.Consumer settings, MeterRegistry registry) {
		// The default back-off must never be "no retries": Spring then skips the
		// function.
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(FailureKind.TRANSIENT, settings));
		handler.setBackOffFunction((record, failure) -> backOff(classifier.classify(failure), settings));
		handler.setRetryListeners(new FailureReporting(classifier, registry));
		// A new failure kind on the same record (the database came back, the handler then
		// failed for good) starts its own back-off.
		handler.setResetStateOnExceptionChange(true);
		return handler;
	}

	static BackOff backOff(FailureKind kind, MessagingProperties.Consumer settings) {
		return switch (kind) {
			case PERMANENT -> new FixedBackOff(0, 0);
			case TRANSIENT -> {
				ExponentialBackOff backOff = new ExponentialBackOff(settings.transientInitialBackoff().toMillis(), 2.0);
				backOff.setMaxInterval(settings.transientMaxBackoff().toMillis());
				backOff.setMaxElapsedTime(Long.MAX_VALUE);
				backOff.setMaxAttempts(Long.MAX_VALUE);
				yield backOff;
			}
			case UNCLASSIFIED -> unclassified(settings);
		};
	}

	private static BackOff unclassified(MessagingProperties.Consumer settings) {
		ExponentialBackOff backOff = new ExponentialBackOff(settings.unclassifiedBackoff().toMillis(), 2.0);
		backOff.setMaxAttempts(settings.unclassifiedRetries());
		return backOff;
	}

	/**
	 * Counts failures ({@code orderflow.messaging.consumer.failures}, by kind and topic)
	 * and dead letters ({@code orderflow.messaging.consumer.dead.lettered}), and logs
	 * them: every dead letter, and a failing record's first attempt and every tenth after
	 * it, so an outage of an hour does not drown the log.
	 */
	private record FailureReporting(FailureClassifier classifier, MeterRegistry registry) implements RetryListener {

		private static final Log logger = LogFactory.getLog(ListenerErrorHandling.class);

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception failure, int deliveryAttempt) {
			if (failure == null) {
				return;
			}
			FailureKind kind = this.classifier.classify(failure);
			this.registry
				.counter("orderflow.messaging.consumer.failures", "kind", kind.name().toLowerCase(Locale.ROOT), "topic",
						record.topic())
				.increment();
			if (kind != FailureKind.PERMANENT && (deliveryAttempt == 1 || deliveryAttempt % 10 == 0)) {
				logger.warn(kind + " failure, attempt " + deliveryAttempt + " of " + KafkaUtils.format(record) + ": "
						+ DeadLetterPublishing.messages(failure));
			}
		}

		@Override
		public void recovered(ConsumerRecord<?, ?> record, @Nullable Exception failure) {
			this.registry.counter("orderflow.messaging.consumer.dead.lettered", "topic", record.topic()).increment();
			logger.warn("Dead-lettered " + KafkaUtils.format(record) + " to "
					+ DeadLetterPublishing.topicFor(record.topic()) + ": "
					+ ((failure != null) ? DeadLetterPublishing.messages(failure) : "no exception"));
		}

	}

}
