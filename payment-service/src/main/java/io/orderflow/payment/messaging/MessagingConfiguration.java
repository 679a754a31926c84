package io.orderflow.payment.messaging;

import io.orderflow.contract.payment.PaymentCommand;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.messaging.failure.FailureClassifier;
import io.orderflow.payment.domain.ProviderUnavailable;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics payment-service owns (its commands and its events, six partitions each, as
 * every saga topic; their dead-letter topics come from the messaging module) and the
 * message types it reads and writes.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

	static final int PARTITIONS = 6;

	@Bean
	MessageTypes paymentMessages() {
		return MessageTypes.of(PaymentCommand.class, PaymentEvent.class);
	}

	@Bean
	NewTopic paymentCommandsTopic() {
		return TopicBuilder.name(PaymentCommand.TOPIC).partitions(PARTITIONS).build();
	}

	@Bean
	NewTopic paymentEventsTopic() {
		return TopicBuilder.name(PaymentEvent.TOPIC).partitions(PARTITIONS).build();
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
