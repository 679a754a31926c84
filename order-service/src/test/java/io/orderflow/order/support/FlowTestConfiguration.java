package io.orderflow.order.support;

import java.util.HashMap;
import java.util.Map;

import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.testinfra.MutableClock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.ProducerFactory;

/**
 * What the flow tests add to order-service: the participants' topics (which inventory and
 * payment would create), scripted participants, a recorder of order events, and a clock
 * the tests move forward to make deadlines pass.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FlowTestConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return MutableClock.running();
	}

	@Bean(destroyMethod = "close")
	KafkaProducer<String, byte[]> participantsProducer(ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	@Bean
	ScriptedParticipants scriptedParticipants(KafkaProducer<String, byte[]> participantsProducer, MessageCodec codec) {
		return new ScriptedParticipants(participantsProducer, codec);
	}

	@Bean
	OrderEventsRecorder orderEventsRecorder() {
		return new OrderEventsRecorder();
	}

}
