package io.orderflow.testinfra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring Boot test's application context real infrastructure, the way
 * {@code @ServiceConnection} does for a container: the servers named here are started
 * (once per JVM) and Spring Boot's connection details point at them, overriding
 * {@code spring.kafka.bootstrap-servers}, {@code spring.datasource.url} and the like.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;RealInfrastructure({ KAFKA, POSTGRES, TRACES })
 * class PlaceOrderFlowIT { ... }
 * </pre>
 *
 * Works as a meta-annotation and is inherited; annotations found on a test class, its
 * superclasses, its composed annotations and enclosing classes of {@code @Nested} tests
 * add up. Test classes asking for the same infrastructure and database share one cached
 * context.
 * <ul>
 * <li>{@code KAFKA}: {@code KafkaConnectionDetails};</li>
 * <li>{@code POSTGRES}: {@code JdbcConnectionDetails} for the database
 * {@link #database()}, created on demand;</li>
 * <li>{@code MONGO}: {@code MongoConnectionDetails} for the database
 * {@link #database()};</li>
 * <li>{@code SEARCH}: {@code ElasticsearchConnectionDetails}, plus
 * {@code orderflow.search.opensearch-compatibility=true} when the engine is
 * OpenSearch;</li>
 * <li>{@code REDIS}: {@code DataRedisConnectionDetails};</li>
 * <li>{@code TRACES}: the {@link TestTraces} sink as the {@code OpenTelemetry} and
 * {@code SdkTracerProvider} beans, and as a bean itself for injection;</li>
 * <li>{@code TOKENS}: {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and
 * {@code issuer-uri} pointing at {@link TestTokens}, so the service accepts its tokens
 * and no others.</li>
 * </ul>
 * Connection details are registered only when the test's classpath has the Spring Boot
 * module they belong to; the server is started regardless.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

	Infrastructure[] value();

	/**
	 * The PostgreSQL and MongoDB database the context uses. By default
	 * {@code spring.application.name} made a plain lower-case identifier
	 * ({@code order-service} → {@code order_service}), or {@code test} without one.
	 */
	String database() default "";

}
