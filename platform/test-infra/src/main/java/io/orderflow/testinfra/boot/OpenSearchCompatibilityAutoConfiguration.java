package io.orderflow.testinfra.boot;

import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Adds {@link OpenSearchCompatibility} to Spring Boot's Elasticsearch client when
 * {@value OpenSearchCompatibility#PROPERTY} is true, as the {@code SEARCH} wiring sets it
 * in embedded mode.
 */
@AutoConfiguration
@ConditionalOnClass({ Rest5ClientBuilder.class, Rest5ClientBuilderCustomizer.class })
@ConditionalOnBooleanProperty(OpenSearchCompatibility.PROPERTY)
public final class OpenSearchCompatibilityAutoConfiguration {

	@Bean
	OpenSearchCompatibility openSearchCompatibility() {
		return new OpenSearchCompatibility();
	}

}
