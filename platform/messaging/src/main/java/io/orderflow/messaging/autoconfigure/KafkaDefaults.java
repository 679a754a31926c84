package io.orderflow.messaging.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform's Kafka client defaults, as the lowest-precedence properties, so a
 * service's {@code application.yml} still overrides any of them (DESIGN.md §10):
 * <ul>
 * <li>producers: {@code acks=all}, idempotent, {@code linger.ms=0} (Kafka 4's default of
 * 5 ms costs about 6 ms per saga hop; the relay batches by itself), bounded
 * {@code max.block.ms} and {@code delivery.timeout.ms} so nobody blocks for minutes on a
 * broker that is gone;</li>
 * <li>consumers: answer as soon as one byte is there ({@code fetch.min.bytes=1}), a short
 * {@code fetch.max.wait.ms}, {@code earliest} for new groups (a new consumer must not
 * skip what was published before it first joined), no auto-commit (the container commits
 * after the listener returns).</li>
 * </ul>
 * The relay's own producer forces the settings its guarantees depend on.
 */
public class KafkaDefaults implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE = "orderflowMessagingKafkaDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.kafka.producer.acks", "all");
		defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
		defaults.put("spring.kafka.producer.properties.linger.ms", "0");
		defaults.put("spring.kafka.producer.properties.max.block.ms", "10000");
		defaults.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
		defaults.put("spring.kafka.producer.properties.delivery.timeout.ms", "30000");
		defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
		// Topics come from their declarations (MessagingAutoConfiguration.messageTopics)
		// with the right partitions, never from a consumer's subscription.
		defaults.put("spring.kafka.consumer.properties.allow.auto.create.topics", "false");
		// A crashed instance keeps its partitions until its session expires, and the
		// group
		// waits for it before a restarted or surviving instance may consume: Kafka's 45 s
		// default is longer than the saga's deadlines. 10 s (heartbeat every 3 s) bounds
		// the stall after a SIGKILL; a live consumer is never near it.
		defaults.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
		defaults.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000");
		defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
		defaults.put("spring.kafka.consumer.fetch-min-size", "1B");
		defaults.put("spring.kafka.consumer.fetch-max-wait", "100ms");
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
	}

}
