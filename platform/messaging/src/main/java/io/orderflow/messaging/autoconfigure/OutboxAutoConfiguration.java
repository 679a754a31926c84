package io.orderflow.messaging.autoconfigure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.orderflow.messaging.MessagingProperties;
import io.orderflow.messaging.MessagingSchema;
import io.orderflow.messaging.envelope.MessageCodec;
import io.orderflow.messaging.inbox.Inbox;
import io.orderflow.messaging.outbox.Outbox;
import io.orderflow.messaging.outbox.OutboxMetrics;
import io.orderflow.messaging.outbox.OutboxRelay;
import io.orderflow.messaging.outbox.RelayConnections;
import io.orderflow.messaging.outbox.RelayDoorbell;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox, its relay, the inbox and their tables, for a service with a (PostgreSQL)
 * database. Set {@code orderflow.messaging.relay.enabled=false} for an instance that must
 * only write. Every bean that touches the tables takes the {@link MessagingSchema}, so it
 * exists only once the module's migrations have run.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass({ JdbcTemplate.class, ProducerFactory.class })
@ConditionalOnSingleCandidate(DataSource.class)
public final class OutboxAutoConfiguration {

	@Bean
	MessagingSchema messagingSchema(DataSource dataSource, MessagingProperties properties) {
		return new MessagingSchema(dataSource, properties.schema().migrate());
	}

	@Bean
	RelayDoorbell relayDoorbell() {
		return new RelayDoorbell();
	}

	@Bean
	@ConditionalOnMissingBean
	Outbox outbox(DataSource dataSource, MessagingSchema schema, MessageCodec codec, RelayDoorbell doorbell,
			MessagingProperties properties, ObjectProvider<Clock> clock) {
		return new Outbox(new JdbcTemplate(dataSource), codec, clock.getIfUnique(Clock::systemUTC), doorbell,
				properties.outbox().maxPayloadSize().toBytes());
	}

	@Bean
	OutboxMetrics outboxMetrics(DataSource dataSource, MessagingSchema schema, RelayDoorbell doorbell,
			ObjectProvider<MeterRegistry> registry) {
		return new OutboxMetrics(registry.getIfUnique(() -> Metrics.globalRegistry), new JdbcTemplate(dataSource),
				doorbell);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "orderflow.messaging.relay.enabled", matchIfMissing = true)
	@ConditionalOnBean(ProducerFactory.class)
	OutboxRelay outboxRelay(DataSource dataSource, MessagingSchema schema, OutboxMetrics metrics,
			RelayDoorbell doorbell, RelayConnections connections, ProducerFactory<?, ?> producerFactory,
			MessagingProperties properties, ObjectProvider<Clock> clock) {
		MessagingProperties.Relay relay = properties.relay();
		Map<String, Object> config = OutboxRelay.producerConfig(producerFactory.getConfigurationProperties(), relay);
		return new OutboxRelay(connections, new JdbcTemplate(dataSource), metrics, doorbell,
				() -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), relay,
				properties.inbox().retention(), clock.getIfUnique(Clock::systemUTC));
	}

	/**
	 * Without connection details the relay borrows its lock connection from the pool (one
	 * connection for as long as the instance runs).
	 */
	@Bean
	@ConditionalOnMissingBean
	RelayConnections relayConnections(DataSource dataSource) {
		return () -> {
			Connection connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			return connection;
		};
	}

	@Bean
	@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
	Inbox inbox(DataSource dataSource, MessagingSchema schema, PlatformTransactionManager transactionManager,
			ObjectProvider<MeterRegistry> registry) {
		return new Inbox(new TransactionTemplate(transactionManager), new JdbcTemplate(dataSource),
				registry.getIfUnique(() -> Metrics.globalRegistry));
	}

	/**
	 * With Spring Boot's JDBC connection details, the relay's lock lives on a connection
	 * of its own, outside the pool: a session that lasts for hours and must end with the
	 * lock has no business in a pool of short-lived borrowings.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcConnectionDetails.class)
	static class DedicatedRelayConnection {

		@Bean
		@ConditionalOnBean(JdbcConnectionDetails.class)
		RelayConnections dedicatedRelayConnections(JdbcConnectionDetails details) {
			return () -> {
				Properties properties = new Properties();
				if (details.getUsername() != null) {
					properties.setProperty("user", details.getUsername());
				}
				if (details.getPassword() != null) {
					properties.setProperty("password", details.getPassword());
				}
				// Notice a leader whose peer vanished without closing the connection.
				properties.setProperty("tcpKeepAlive", "true");
				properties.setProperty("ApplicationName", "orderflow-outbox-relay");
				Connection connection = DriverManager.getConnection(details.getJdbcUrl(), properties);
				connection.setAutoCommit(true);
				return connection;
			};
		}

	}

}
