package io.orderflow.messaging.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.testinfra.PostgresDatabase;
import io.orderflow.testinfra.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Instances of a service that only writes and relays, started and stopped by a test, as
 * several replicas (or a restarted one) on one database.
 */
public final class RelayInstances {

	private RelayInstances() {
	}

	/**
	 * Starts an instance on {@code database}; {@code properties} override the defaults.
	 */
	public static ConfigurableApplicationContext start(String database, String... properties) {
		PostgresDatabase postgres = TestInfrastructure.postgres().database(database);
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + postgres.jdbcUrl(),
				"spring.datasource.username=" + postgres.username(),
				"spring.datasource.password=" + postgres.password(),
				"spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
				"orderflow.messaging.relay.leader-retry=500ms", "spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(RelayApplication.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	/** Creates {@code topic} with {@code partitions} partitions. */
	public static void createTopic(String topic, int partitions) {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create topic " + topic, ex);
		}
	}

	/** What this instance's relay published. */
	public static double published(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).get("orderflow.outbox.published").counter().count();
	}

	public static boolean leads(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).get("orderflow.outbox.relay.leader").gauge().value() == 1.0;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RelayApplication {

		@Bean
		MessageTypes testMessages() {
			return MessageTypes.of(TestEvent.class);
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
