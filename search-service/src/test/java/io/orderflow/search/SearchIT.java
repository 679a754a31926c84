package io.orderflow.search;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.orderflow.testinfra.RealInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.SEARCH;
import static io.orderflow.testinfra.Infrastructure.TOKENS;

/**
 * The one application context of the tests: the whole service on a real port, on real
 * Kafka and a real search engine (OpenSearch embedded, or Elasticsearch in a container),
 * with tokens from {@code TestTokens} (also its token endpoint, for the reindex's own
 * client) and stand-ins of the source services. Tests share it, so each works on orders,
 * customers, clients and products of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = SearchServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "orderflow.messaging.consumer.unclassified-backoff=100ms",
				"orderflow.messaging.consumer.transient-max-backoff=1s", "orderflow.search.reindex.page-size=10" })
@RealInfrastructure({ KAFKA, SEARCH, TOKENS })
@Import(SourceStandIns.Wiring.class)
@interface SearchIT {

}
