package io.orderflow.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.orderflow.messaging.support.RelayInstances;
import io.orderflow.messaging.support.TestEvent.Counted;
import io.orderflow.messaging.support.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances of a service on one database: one relay leads, the other stands by. */
class RelayFailoverIT {

	private static final String DATABASE = "relay_failover";

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final int KEYS = 5;

	/**
	 * Without the fallback poll, rows written in one instance reach Kafka only if the
	 * leader in the other is woken by the writer's notification.
	 */
	private static final String NO_FALLBACK_POLL = "orderflow.messaging.relay.poll-interval=1h";

	private final String topic = "relay-failover-" + UUID.randomUUID();

	private final Set<UUID> written = ConcurrentHashMap.newKeySet();

	@Test
	void publishesThroughOneLeaderAndHandsOverWhenItStopsWithoutLossOrReordering() throws Exception {
		RelayInstances.createTopic(this.topic, 3);
		ConfigurableApplicationContext first = RelayInstances.start(DATABASE, NO_FALLBACK_POLL);
		try (ConfigurableApplicationContext second = RelayInstances.start(DATABASE, NO_FALLBACK_POLL)) {
			await().atMost(TIMEOUT).until(() -> RelayInstances.leads(first) ^ RelayInstances.leads(second));
			ConfigurableApplicationContext leader = RelayInstances.leads(first) ? first : second;
			ConfigurableApplicationContext standby = (leader == first) ? second : first;

			// Written through the standby: the leader is woken by pg_notify from another
			// instance.
			write(standby, 0, 40);
			try (TopicReader reader = TopicReader.fromBeginning(this.topic)) {
				reader.readUntilAll(this.written, TIMEOUT);
			}
			assertThat(RelayInstances.published(leader)).isEqualTo(KEYS * 40);
			assertThat(RelayInstances.published(standby)).isZero();

			// The leader stops while the standby's writers go on.
			try (ExecutorService writer = Executors.newSingleThreadExecutor()) {
				Future<?> writing = writer.submit(() -> write(standby, 40, 100));
				leader.close();
				writing.get(60, TimeUnit.SECONDS);
			}

			await().atMost(TIMEOUT).until(() -> RelayInstances.leads(standby));
			try (TopicReader reader = TopicReader.fromBeginning(this.topic)) {
				List<ConsumerRecord<String, byte[]>> records = reader.readUntilAll(this.written, TIMEOUT);
				Map<String, List<Integer>> sequences = TopicReader.firstDeliveriesByKey(records);
				for (int key = 0; key < KEYS; key++) {
					assertThat(sequences.get(this.topic + "-" + key)).as("key %d in first-delivery order", key)
						.containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
				}
			}
			assertThat(RelayInstances.published(standby)).isPositive();
		}
		finally {
			first.close();
		}
	}

	/** Sequences {@code from} until {@code to} of every key, one transaction per step. */
	private void write(ConfigurableApplicationContext instance, int from, int to) {
		Outbox outbox = instance.getBean(Outbox.class);
		TransactionTemplate transactions = instance.getBean(TransactionTemplate.class);
		for (int sequence = from; sequence < to; sequence++) {
			int step = sequence;
			transactions.executeWithoutResult((status) -> {
				for (int key = 0; key < KEYS; key++) {
					String name = this.topic + "-" + key;
					this.written.add(outbox.send(this.topic, name, new Counted(name, step)));
				}
			});
		}
	}

}
