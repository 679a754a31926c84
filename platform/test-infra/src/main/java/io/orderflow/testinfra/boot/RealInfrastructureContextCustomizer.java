package io.orderflow.testinfra.boot;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import com.mongodb.ConnectionString;
import io.orderflow.testinfra.Infrastructure;
import io.orderflow.testinfra.PostgresDatabase;
import io.orderflow.testinfra.RealInfrastructure;
import io.orderflow.testinfra.RedisServer;
import io.orderflow.testinfra.SearchEngine;
import io.orderflow.testinfra.TestInfrastructure;
import io.orderflow.testinfra.TestTokens;
import io.orderflow.testinfra.TestTraces;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts what a test asked for through {@link RealInfrastructure} and registers the
 * Spring Boot connection details that point the application at it.
 * <p>
 * Equal customizers (same infrastructure, same database) let Spring's test-context cache
 * hand the same application context to every test class that asks for the same thing.
 * Each technology's details live in their own nested class, loaded only when the test's
 * classpath has that Spring Boot module.
 */
final class RealInfrastructureContextCustomizer implements ContextCustomizer {

	static final String DEFAULT_DATABASE = "test";

	/**
	 * Switches on search-service's header adapter for OpenSearch (the class lives there:
	 * production code cannot depend on this module).
	 */
	static final String OPENSEARCH_COMPATIBILITY = "orderflow.search.opensearch-compatibility";

	private final Set<Infrastructure> infrastructure;

	private final String database;

	RealInfrastructureContextCustomizer(Set<Infrastructure> infrastructure, String database) {
		this.infrastructure = Set.copyOf(infrastructure);
		this.database = database;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		TestInfrastructure.start(this.infrastructure);
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
			throw new IllegalStateException(
					"@RealInfrastructure needs a bean factory that accepts bean definitions, not "
							+ beanFactory.getClass().getName());
		}
		ClassLoader classLoader = context.getClassLoader();
		Environment environment = context.getEnvironment();
		Supplier<String> database = () -> databaseName(environment);
		for (Infrastructure each : EnumSet.copyOf(this.infrastructure)) {
			switch (each) {
				case KAFKA -> {
					if (isPresent("org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails", classLoader)) {
						Kafka.register(registry);
					}
				}
				case POSTGRES -> {
					if (isPresent("org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails", classLoader)) {
						Jdbc.register(registry, database);
					}
				}
				case MONGO -> {
					if (isPresent("org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails",
							classLoader)) {
						Mongo.register(registry, database);
					}
				}
				case SEARCH -> {
					if (isPresent("org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails",
							classLoader)) {
						Elasticsearch.register(registry);
					}
					if (TestInfrastructure.search().needsElasticsearchCompatibility()) {
						context.getEnvironment()
							.getPropertySources()
							.addFirst(new MapPropertySource("realInfrastructureSearch",
									Map.of(OPENSEARCH_COMPATIBILITY, "true")));
					}
				}
				case REDIS -> {
					if (isPresent("org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails",
							classLoader)) {
						Redis.register(registry);
					}
				}
				case TRACES -> registerTraces(beanFactory);
				case TOKENS -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("realInfrastructureTokens", tokenProperties()));
			}
		}
	}

	/**
	 * Registered as singletons, not bean definitions: the sink outlives every context,
	 * and Spring would close an {@code AutoCloseable} bean it created with its context.
	 */
	private static void registerTraces(ConfigurableListableBeanFactory beanFactory) {
		TestTraces traces = TestInfrastructure.traces();
		beanFactory.registerSingleton("testTraces", traces);
		beanFactory.registerSingleton("realInfrastructureOpenTelemetry", traces.openTelemetry());
		beanFactory.registerSingleton("realInfrastructureSdkTracerProvider", traces.tracerProvider());
	}

	/**
	 * Both, as the launcher passes them: Boot then verifies signatures with the key set
	 * and checks {@code iss} against the issuer without fetching the issuer's metadata.
	 */
	static Map<String, Object> tokenProperties() {
		return Map.of("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
	}

	String databaseName(Environment environment) {
		if (!this.database.isEmpty()) {
			return this.database;
		}
		return plainIdentifier(environment.getProperty("spring.application.name", DEFAULT_DATABASE));
	}

	/**
	 * {@code order-service} → {@code order_service}: a name PostgreSQL needs no quotes
	 * for.
	 */
	static String plainIdentifier(String name) {
		String plain = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
		if (plain.isEmpty()) {
			return DEFAULT_DATABASE;
		}
		if (Character.isDigit(plain.charAt(0))) {
			plain = "_" + plain;
		}
		return (plain.length() > 63) ? plain.substring(0, 63) : plain;
	}

	private static boolean isPresent(String className, ClassLoader classLoader) {
		return ClassUtils.isPresent(className, classLoader);
	}

	private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type, Supplier<T> details) {
		registry.registerBeanDefinition(name, new RootBeanDefinition(type, details));
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof RealInfrastructureContextCustomizer that
				&& this.infrastructure.equals(that.infrastructure) && this.database.equals(that.database));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.infrastructure, this.database);
	}

	@Override
	public String toString() {
		return "RealInfrastructure" + EnumSet.copyOf(this.infrastructure)
				+ (this.database.isEmpty() ? "" : " database=" + this.database);
	}

	private static final class Kafka {

		static void register(BeanDefinitionRegistry registry) {
			RealInfrastructureContextCustomizer.register(registry, "realInfrastructureKafkaConnectionDetails",
					KafkaConnectionDetails.class, () -> {
						String bootstrapServers = TestInfrastructure.kafka().bootstrapServers();
						return () -> List.of(bootstrapServers);
					});
		}

	}

	private static final class Jdbc {

		static void register(BeanDefinitionRegistry registry, Supplier<String> database) {
			RealInfrastructureContextCustomizer.register(registry, "realInfrastructureJdbcConnectionDetails",
					JdbcConnectionDetails.class, () -> {
						PostgresDatabase postgres = TestInfrastructure.postgres().database(database.get());
						return new JdbcConnectionDetails() {

							@Override
							public String getUsername() {
								return postgres.username();
							}

							@Override
							public String getPassword() {
								return postgres.password();
							}

							@Override
							public String getJdbcUrl() {
								return postgres.jdbcUrl();
							}

						};
					});
		}

	}

	private static final class Mongo {

		static void register(BeanDefinitionRegistry registry, Supplier<String> database) {
			RealInfrastructureContextCustomizer.register(registry, "realInfrastructureMongoConnectionDetails",
					MongoConnectionDetails.class, () -> {
						ConnectionString connectionString = new ConnectionString(
								TestInfrastructure.mongo().connectionString(database.get()));
						return () -> connectionString;
					});
		}

	}

	private static final class Elasticsearch {

		static void register(BeanDefinitionRegistry registry) {
			RealInfrastructureContextCustomizer.register(registry, "realInfrastructureElasticsearchConnectionDetails",
					ElasticsearchConnectionDetails.class, () -> {
						SearchEngine search = TestInfrastructure.search();
						ElasticsearchConnectionDetails.Node node = new ElasticsearchConnectionDetails.Node(
								search.host(), search.port(), ElasticsearchConnectionDetails.Node.Protocol.HTTP);
						return () -> List.of(node);
					});
		}

	}

	private static final class Redis {

		static void register(BeanDefinitionRegistry registry) {
			RealInfrastructureContextCustomizer.register(registry, "realInfrastructureRedisConnectionDetails",
					DataRedisConnectionDetails.class, () -> {
						RedisServer redis = TestInfrastructure.redis();
						DataRedisConnectionDetails.Standalone standalone = DataRedisConnectionDetails.Standalone
							.of(redis.host(), redis.port());
						return new DataRedisConnectionDetails() {

							@Override
							public Standalone getStandalone() {
								return standalone;
							}

						};
					});
		}

	}

}
