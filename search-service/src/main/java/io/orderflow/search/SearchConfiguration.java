package io.orderflow.search;

import java.time.Clock;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.messaging.envelope.MessageTypes;
import io.orderflow.messaging.failure.FailureClassifier;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The messages this service reads and how it talks to the engine. Without a database the
 * messaging module gives it the envelope deserialization and the listener error handling
 * with dead-letter topics, but no outbox and no inbox: idempotency is the documents'
 * external version.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

	@Bean
	MessageTypes searchMessages() {
		return MessageTypes.of(OrderEvent.class, InventoryEvent.class);
	}

	/**
	 * An unreachable or overloaded engine is a transient failure: the listener retries in
	 * place without limit instead of dead-lettering good events.
	 */
	@Bean
	FailureClassifier failureClassifier() {
		return FailureClassifier.standard().withTransient(SearchUnavailable.class);
	}

	@Bean
	@ConditionalOnBooleanProperty(OpenSearchCompatibility.PROPERTY)
	OpenSearchCompatibility openSearchCompatibility() {
		return new OpenSearchCompatibility();
	}

	/** Documents carry instants as ISO-8601 text, which the date fields parse exactly. */
	@Bean
	JsonpMapper jsonpMapper() {
		return new Jackson3JsonpMapper(JsonMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build());
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
