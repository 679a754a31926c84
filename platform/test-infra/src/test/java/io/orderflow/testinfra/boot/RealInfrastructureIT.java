package io.orderflow.testinfra.boot;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.opentelemetry.api.OpenTelemetry;
import io.orderflow.testinfra.RealInfrastructure;
import io.orderflow.testinfra.TestInfrastructure;
import io.orderflow.testinfra.TestTraces;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.MONGO;
import static io.orderflow.testinfra.Infrastructure.POSTGRES;
import static io.orderflow.testinfra.Infrastructure.REDIS;
import static io.orderflow.testinfra.Infrastructure.SEARCH;
import static io.orderflow.testinfra.Infrastructure.TRACES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = RealInfrastructureIT.Application.class,
		properties = { "spring.application.name=wiring-check", "spring.kafka.bootstrap-servers=nowhere:1",
				"spring.datasource.url=jdbc:postgresql://nowhere:1/none" })
@RealInfrastructure({ KAFKA, POSTGRES, MONGO, SEARCH, REDIS, TRACES })
class RealInfrastructureIT {

	@Autowired
	private KafkaTemplate<String, String> kafkaTemplate;

	@Autowired
	private ConsumerFactory<String, String> consumerFactory;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private Rest5Client elasticsearch;

	@Value("${orderflow.search.opensearch-compatibility:false}")
	private boolean openSearchCompatibility;

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private OpenTelemetry openTelemetry;

	@Autowired
	private TestTraces traces;

	@Test
	void sendsWithTheKafkaTemplateAndReadsWithTheConsumerFactoryOverridingConfiguredServers() throws Exception {
		String topic = "wiring-" + UUID.randomUUID();
		this.kafkaTemplate.send(topic, "order-1", "OrderPlaced").get(60, TimeUnit.SECONDS);

		try (Consumer<String, String> consumer = this.consumerFactory.createConsumer("wiring-check", "wiring")) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			await().atMost(Duration.ofSeconds(30))
				.pollInSameThread()
				.untilAsserted(() -> assertThat(consumer.poll(Duration.ofMillis(200))).extracting(ConsumerRecord::value)
					.containsExactly("OrderPlaced"));
		}
	}

	@Test
	void usesADatabaseNamedAfterTheApplication() {
		this.jdbc.execute("CREATE TABLE IF NOT EXISTS saga_instance (id uuid PRIMARY KEY)");
		this.jdbc.update("INSERT INTO saga_instance VALUES (?)", UUID.randomUUID());

		assertThat(this.jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("wiring_check");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM saga_instance", Integer.class)).isPositive();
	}

	@Test
	void storesDocumentsInTheApplicationsMongoDatabase() {
		String id = UUID.randomUUID().toString();
		this.mongo.save(new Document("_id", id).append("type", "OrderConfirmed"), "notification");

		assertThat(this.mongo.getDb().getName()).isEqualTo("wiring_check");
		assertThat(this.mongo.findById(id, Document.class, "notification")).containsEntry("type", "OrderConfirmed");
	}

	@Test
	void indexesAndReadsBackThroughTheAutoConfiguredRestClient() throws IOException, ParseException {
		Request index = new Request("PUT", "/wiring-orders/_doc/order-1");
		index.addParameter("refresh", "true");
		index.setJsonEntity("{\"orderId\":\"order-1\",\"status\":\"PENDING\"}");
		this.elasticsearch.performRequest(index);

		String stored = EntityUtils
			.toString(this.elasticsearch.performRequest(new Request("GET", "/wiring-orders/_doc/order-1")).getEntity());
		assertThat(stored).contains("\"status\":\"PENDING\"");
		assertThat(this.openSearchCompatibility)
			.isEqualTo(TestInfrastructure.search().needsElasticsearchCompatibility());
	}

	@Test
	void roundTripsAValueThroughTheStringRedisTemplate() {
		this.redis.opsForValue().set("wiring-check", "ok");

		assertThat(this.redis.opsForValue().get("wiring-check")).isEqualTo("ok");
	}

	@Test
	void sendsTheContextsSpansToTheTraceSink() {
		this.openTelemetry.getTracer("wiring").spanBuilder("wiring span").startSpan().end();

		assertThat(this.traces).isSameAs(TestInfrastructure.traces());
		assertThat(this.traces.spansNamed("wiring span")).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
