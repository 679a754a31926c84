package io.orderflow.messaging.autoconfigure;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.orderflow.messaging.MessagingProperties;
import io.orderflow.messaging.envelope.EnvelopeDeserializer;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.messaging.failure.DeadLetterPublishing;
import io.orderflow.messaging.failure.DeadLetterTopics;
import io.orderflow.messaging.failure.DeadLetters;
import io.orderflow.messaging.failure.FailureClassifier;
import io.orderflow.messaging.failure.ListenerErrorHandling;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * What every service gets, with or without a database: envelope (de)serialization by
 * logical type, and the listeners' error handling with dead-letter topics.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(MessagingProperties.class)
public final class MessagingAutoConfiguration {

	/** All {@code MessageTypes} beans of the service, merged. */
	@Bean
	@ConditionalOnMissingBean
	MessageCodec messageCodec(ObjectProvider<MessageTypes> types) {
		return new MessageCodec(MessageTypes.merge(types.orderedStream().toList()));
	}

	/**
	 * Every topic the service speaks, created at start when missing, by whichever service
	 * starts first. A consumer that subscribes to a topic nobody has created yet would
	 * otherwise wait for its producer, and, worse, a broker that auto-creates topics
	 * would create it with one partition; the partitions its owner adds later reach that
	 * consumer only at its next metadata refresh (five minutes by default), and their
	 * messages wait that long. Consumers therefore never auto-create topics (see
	 * {@code KafkaDefaults}).
	 */
	@Bean
	@ConditionalOnProperty(name = "orderflow.messaging.topics.create", matchIfMissing = true)
	KafkaAdmin.NewTopics messageTopics(ObjectProvider<MessageTypes> types, MessagingProperties properties) {
		MessagingProperties.Topics topics = properties.topics();
		return new KafkaAdmin.NewTopics(MessageTypes.merge(types.orderedStream().toList())
			.topics()
			.stream()
			.map((topic) -> new NewTopic(topic, Optional.of(topics.partitions()), Optional.of(topics.replicas())))
			.toArray(NewTopic[]::new));
	}

	/**
	 * Consumers read values by the {@code message-type} header, always through an
	 * {@code ErrorHandlingDeserializer}: a record that does not deserialize becomes a
	 * dead letter instead of failing every poll.
	 */
	@Bean
	DefaultKafkaConsumerFactoryCustomizer envelopeDeserialization(MessageCodec codec) {
		return (factory) -> envelopeDeserialization(codec, factory);
	}

	@SuppressWarnings("unchecked")
	private static void envelopeDeserialization(MessageCodec codec, DefaultKafkaConsumerFactory<?, ?> factory) {
		DefaultKafkaConsumerFactory<String, Object> envelopes = (DefaultKafkaConsumerFactory<String, Object>) factory;
		envelopes.setKeyDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(new StringDeserializer()));
		envelopes.setValueDeserializerSupplier(() -> new ErrorHandlingDeserializer<>(new EnvelopeDeserializer(codec)));
	}

	@Bean
	@ConditionalOnMissingBean
	FailureClassifier failureClassifier() {
		return FailureClassifier.standard();
	}

	@Bean
	@ConditionalOnBean(ProducerFactory.class)
	DeadLetterPublishing deadLetterPublishing(ProducerFactory<?, ?> producerFactory, MessageCodec codec) {
		Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
		// A dead letter must not be lost on the way: the same guarantees as the relay's.
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		return new DeadLetterPublishing(config, codec);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	@ConditionalOnBean(DeadLetterPublishing.class)
	DefaultErrorHandler messagingErrorHandler(DeadLetterPublishing deadLetters, FailureClassifier classifier,
			MessagingProperties properties, ObjectProvider<MeterRegistry> registry) {
		return ListenerErrorHandling.errorHandler(deadLetters.recoverer(), classifier, properties.consumer(),
				registry.getIfUnique(() -> Metrics.globalRegistry));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ DeadLetterPublishing.class, ConsumerFactory.class })
	DeadLetters deadLetters(ConsumerFactory<?, ?> consumerFactory, DeadLetterPublishing deadLetterPublishing) {
		return new DeadLetters(consumerFactory.getConfigurationProperties(), deadLetterPublishing.template());
	}

	@Bean
	@ConditionalOnBean(name = KafkaListenerConfigUtils.KAFKA_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME)
	DeadLetterTopics deadLetterTopics(KafkaAdmin admin, KafkaListenerEndpointRegistry registry,
			MessagingProperties properties) {
		return new DeadLetterTopics(admin.getConfigurationProperties(), registry,
				properties.consumer().deadLetterPartitions());
	}

}
