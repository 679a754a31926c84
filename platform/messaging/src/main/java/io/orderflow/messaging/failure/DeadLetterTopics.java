package io.orderflow.messaging.failure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

/**
 * Creates the dead-letter topic of every topic this application's listeners consume,
 * before the listeners start, with the source topic's partition count (so a dead letter
 * keeps its partition and per-key order), or the configured default when the source does
 * not exist yet. Topics that already exist are left alone. When the broker is down at
 * start, the application starts anyway and the broker's auto-creation (if enabled) or the
 * next start creates them.
 */
public final class DeadLetterTopics implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DeadLetterTopics.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Map<String, Object> adminConfig;

	private final KafkaListenerEndpointRegistry registry;

	private final int defaultPartitions;

	private volatile boolean running;

	public DeadLetterTopics(Map<String, Object> adminConfig, KafkaListenerEndpointRegistry registry,
			int defaultPartitions) {
		this.adminConfig = adminConfig;
		this.registry = registry;
		this.defaultPartitions = defaultPartitions;
	}

	@Override
	public void start() {
		this.running = true;
		Set<String> topics = consumedTopics();
		if (topics.isEmpty()) {
			return;
		}
		Map<String, Object> config = new LinkedHashMap<>(this.adminConfig);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		try (Admin admin = Admin.create(config)) {
			Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			List<NewTopic> missing = new ArrayList<>();
			for (String topic : topics) {
				String deadLetterTopic = DeadLetterPublishing.topicFor(topic);
				if (!existing.contains(deadLetterTopic)) {
					int partitions = existing.contains(topic) ? partitions(admin, topic) : this.defaultPartitions;
					missing.add(new NewTopic(deadLetterTopic, Optional.of(partitions), Optional.empty()));
				}
			}
			if (!missing.isEmpty()) {
				admin.createTopics(missing).values().forEach((name, creation) -> await(name, creation));
				logger.info("Created dead-letter topics " + missing.stream().map(NewTopic::name).toList());
			}
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			logger.warn("Could not create the dead-letter topics of " + topics + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Set<String> consumedTopics() {
		Set<String> topics = new LinkedHashSet<>();
		for (MessageListenerContainer container : this.registry.getAllListenerContainers()) {
			ContainerProperties properties = container.getContainerProperties();
			if (properties.getTopics() != null) {
				topics.addAll(Arrays.asList(properties.getTopics()));
			}
			if (properties.getTopicPartitions() != null) {
				Arrays.stream(properties.getTopicPartitions())
					.map(TopicPartitionOffset::getTopicPartition)
					.map(TopicPartition::topic)
					.forEach(topics::add);
			}
		}
		topics.removeIf((topic) -> topic.endsWith(DeadLetterPublishing.SUFFIX));
		return topics;
	}

	private int partitions(Admin admin, String topic)
			throws ExecutionException, TimeoutException, InterruptedException {
		TopicDescription description = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.get(topic);
		return description.partitions().size();
	}

	private static void await(String topic, KafkaFuture<Void> creation) {
		try {
			creation.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				logger.warn("Could not create dead-letter topic " + topic + ": " + ex.getCause());
			}
		}
		catch (TimeoutException ex) {
			logger.warn("Could not create dead-letter topic " + topic + " in time");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers, which start at {@code Integer.MAX_VALUE - 100}. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}

}
