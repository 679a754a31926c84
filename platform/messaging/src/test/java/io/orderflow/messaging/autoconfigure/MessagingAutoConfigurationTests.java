package io.orderflow.messaging.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.orderflow.messaging.MessagingProperties;
import io.orderflow.messaging.envelope.EnvelopeDeserializer;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.messaging.failure.DeadLetterPublishing;
import io.orderflow.messaging.failure.DeadLetters;
import io.orderflow.messaging.failure.FailureClassifier;
import io.orderflow.messaging.inbox.Inbox;
import io.orderflow.messaging.outbox.Outbox;
import io.orderflow.messaging.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service gets from the dependency alone. A service without a database (the
 * projections) gets the envelope and the error handling, and no outbox.
 */
class MessagingAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, MessagingAutoConfiguration.class,
				OutboxAutoConfiguration.class))
		.withBean(MessageTypes.class, () -> MessageTypes.of())
		.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9");

	@Test
	void givesAServiceWithoutDatabaseTheEnvelopeAndTheErrorHandlingButNoOutbox() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(MessageCodec.class)
				.hasSingleBean(FailureClassifier.class)
				.hasSingleBean(DeadLetterPublishing.class)
				.hasSingleBean(DeadLetters.class)
				.doesNotHaveBean(Outbox.class)
				.doesNotHaveBean(OutboxRelay.class)
				.doesNotHaveBean(Inbox.class);
			assertThat(context.getBean(CommonErrorHandler.class)).isInstanceOf(DefaultErrorHandler.class);
		});
	}

	@Test
	void readsEveryConsumedValueByItsTypeHeaderBehindAnErrorHandlingDeserializer() {
		this.contexts.run((context) -> {
			DefaultKafkaConsumerFactory<?, ?> consumers = context.getBean(DefaultKafkaConsumerFactory.class);
			assertThat(consumers.getValueDeserializer()).isInstanceOfSatisfying(ErrorHandlingDeserializer.class,
					(deserializer) -> assertThat(deserializer).extracting("delegate")
						.isInstanceOf(EnvelopeDeserializer.class));
			assertThat(consumers.getKeyDeserializer()).isInstanceOf(ErrorHandlingDeserializer.class);
		});
	}

	@Test
	void keepsAServicesOwnErrorHandlerAndClassifier() {
		CommonErrorHandler own = new DefaultErrorHandler();
		FailureClassifier classifier = FailureClassifier.standard().withTransient(IllegalStateException.class);
		this.contexts.withBean(CommonErrorHandler.class, () -> own)
			.withBean(FailureClassifier.class, () -> classifier)
			.run((context) -> {
				assertThat(context.getBean(CommonErrorHandler.class)).isSameAs(own);
				assertThat(context.getBean(FailureClassifier.class)).isSameAs(classifier);
			});
	}

	@Test
	void setsLowLatencyAndSafeKafkaDefaultsThatAServiceCanOverride() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("service", Map.of("spring.kafka.consumer.fetch-max-wait", "20ms")));
		new KafkaDefaults().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
		assertThat(environment.getProperty("spring.kafka.producer.properties." + ProducerConfig.LINGER_MS_CONFIG))
			.isEqualTo("0");
		assertThat(
				environment.getProperty("spring.kafka.producer.properties." + ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))
			.isEqualTo("true");
		assertThat(environment.getProperty("spring.kafka.consumer.enable-auto-commit")).isEqualTo("false");
		assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
		assertThat(environment.getProperty("spring.kafka.consumer.fetch-min-size")).isEqualTo("1B");
		assertThat(environment.getProperty("spring.kafka.consumer.fetch-max-wait")).isEqualTo("20ms");
		assertThat(environment.getProperty("spring.kafka.consumer.properties.allow.auto.create.topics"))
			.isEqualTo("false");
		assertThat(environment.getProperty("spring.kafka.consumer.properties.session.timeout.ms")).isEqualTo("10000");
	}

	@Test
	void leavesTheRelaysProducerTheSettingsItsGuaranteesRestOn() {
		Map<String, Object> config = OutboxRelay.producerConfig(
				Map.of(ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.LINGER_MS_CONFIG, 5,
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-", ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
						"broker:9092"),
				new MessagingProperties.Relay(true, 500, Duration.ofSeconds(1), Duration.ofSeconds(1),
						Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30),
						Duration.ofDays(7), Duration.ofMinutes(1)));

		assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000)
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000)
			.containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
			.doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
	}

}
