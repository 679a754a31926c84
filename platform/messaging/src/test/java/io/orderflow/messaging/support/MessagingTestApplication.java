package io.orderflow.messaging.support;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.messaging.inbox.Inbox;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A service as the module's users write one: it registers its message types, creates its
 * topics and consumes through the inbox; everything else comes from the
 * auto-configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MessagingTestApplication {

	/** Where the outbox tests publish; three partitions, so keys spread. */
	public static final String OUTBOX_TOPIC = "outbox-it";

	public static final String BROKER_OUTAGE_TOPIC = "broker-outage-it";

	public static final String INBOX_TOPIC = "inbox-it";

	/** One partition: "the records after a dead letter" are the partition's next ones. */
	public static final String DEAD_LETTER_TOPIC = "dead-letter-it";

	public static final String DATABASE_DOWN_TOPIC = "database-down-it";

	public static final String TRACE_TOPIC = "trace-it";

	public static final String REPLAY_TOPIC = "replay-it";

	@Bean
	MessageTypes testMessages() {
		return MessageTypes.of(TestEvent.class);
	}

	@Bean
	NewTopic outboxTopic() {
		return TopicBuilder.name(OUTBOX_TOPIC).partitions(3).build();
	}

	@Bean
	NewTopic brokerOutageTopic() {
		return TopicBuilder.name(BROKER_OUTAGE_TOPIC).partitions(3).build();
	}

	@Bean
	NewTopic inboxTopic() {
		return TopicBuilder.name(INBOX_TOPIC).partitions(1).build();
	}

	@Bean
	NewTopic deadLetterTopic() {
		return TopicBuilder.name(DEAD_LETTER_TOPIC).partitions(1).build();
	}

	@Bean
	NewTopic databaseDownTopic() {
		return TopicBuilder.name(DATABASE_DOWN_TOPIC).partitions(1).build();
	}

	@Bean
	NewTopic traceTopic() {
		return TopicBuilder.name(TRACE_TOPIC).partitions(1).build();
	}

	@Bean
	NewTopic replayTopic() {
		return TopicBuilder.name(REPLAY_TOPIC).partitions(2).build();
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	SideEffects sideEffects(DataSource dataSource) {
		return new SideEffects(new JdbcTemplate(dataSource));
	}

	@Bean
	TestListeners testListeners(Inbox inbox, SideEffects sideEffects) {
		return new TestListeners(inbox, sideEffects);
	}

}
