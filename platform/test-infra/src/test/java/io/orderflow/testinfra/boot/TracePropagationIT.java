package io.orderflow.testinfra.boot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.orderflow.testinfra.RealInfrastructure;
import io.orderflow.testinfra.TestTraces;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.TRACES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spring Boot's own tracing (Micrometer over OpenTelemetry, as the services use it)
 * reports to the trace sink, so a test can follow one trace across Kafka.
 */
@SpringBootTest(classes = TracePropagationIT.Application.class,
		properties = { "spring.kafka.template.observation-enabled=true",
				"spring.kafka.listener.observation-enabled=true", "spring.kafka.consumer.auto-offset-reset=earliest",
				"management.otlp.metrics.export.enabled=false" })
@RealInfrastructure({ KAFKA, TRACES })
class TracePropagationIT {

	private static final String TOPIC = "trace-propagation";

	@Autowired
	private KafkaTemplate<String, String> kafka;

	@Autowired
	private TestTraces traces;

	@Test
	void givesTheListenersSpanTheTraceOfTheTransactionThatSent() throws Exception {
		Span transaction = this.traces.tracer("test").spanBuilder("place order").startSpan();
		try (Scope scope = transaction.makeCurrent()) {
			this.kafka.send(TOPIC, "order-1", "OrderPlaced").get(60, TimeUnit.SECONDS);
		}
		finally {
			transaction.end();
		}

		String traceId = transaction.getSpanContext().getTraceId();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.traces.trace(traceId)).extracting(SpanData::getKind)
				.contains(SpanKind.INTERNAL, SpanKind.PRODUCER, SpanKind.CONSUMER));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
	static class Application {

		@Bean
		NewTopic tracePropagationTopic() {
			return TopicBuilder.name(TOPIC).partitions(1).replicas(1).build();
		}

		@KafkaListener(topics = TOPIC, groupId = "trace-propagation")
		void on(String orderPlaced) {
		}

	}

}
