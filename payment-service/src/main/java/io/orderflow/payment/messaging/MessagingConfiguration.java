package io.orderflow.payment.messaging;

import io.orderflow.contract.payment.PaymentCommand;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.messaging.failure.FailureClassifier;
import io.orderflow.payment.domain.ProviderUnavailable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The message types payment-service reads and writes (their topics, six partitions each,
 * and their dead-letter topics are created by the messaging module from this
 * registration), and what counts as a transient failure here.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	@Bean
	MessageTypes paymentMessages() {
		return MessageTypes.of(PaymentCommand.class, PaymentEvent.class);
	}

	/**
	 * An unknown provider outcome is transient: the command waits, retried in place, and
	 * is never declined or dead-lettered while the provider is merely away.
	 */
	@Bean
	FailureClassifier failureClassifier() {
		return FailureClassifier.standard().withTransient(ProviderUnavailable.class);
	}

}
