package io.orderflow.systemtests.benchmark;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The other process of the baseline: forwards every record of hop 1 to hop 2 and of hop 3
 * to hop 4, as a participant turns a command into its reply. Runs until its input stream
 * closes (the benchmark ends or dies).
 */
public final class HopEcho {

	private HopEcho() {
	}

	public static void main(String[] args) throws Exception {
		String bootstrap = args[0];
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaHops.consumerProperties(bootstrap));
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaHops.producerProperties(bootstrap))) {
			consumer.subscribe(List.of(KafkaHops.topic(1), KafkaHops.topic(3)));
			Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
				try {
					while (System.in.read() != -1) {
						// The parent holds the pipe open while it runs.
					}
				}
				catch (Exception ex) {
					// A broken pipe means the same as end of input.
				}
				Runtime.getRuntime().halt(0);
			});
			System.out.println("ready");
			System.out.flush();
			while (watchdog.isAlive()) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					String next = KafkaHops.topic(record.topic().equals(KafkaHops.topic(1)) ? 2 : 4);
					producer.send(new ProducerRecord<>(next, record.key(), record.value()));
				}
			}
		}
	}

}
