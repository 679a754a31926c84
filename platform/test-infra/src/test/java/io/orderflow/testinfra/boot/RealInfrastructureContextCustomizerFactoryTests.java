package io.orderflow.testinfra.boot;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.EnumSet;
import java.util.List;

import io.orderflow.testinfra.Infrastructure;
import io.orderflow.testinfra.RealInfrastructure;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ContextCustomizer;

import static io.orderflow.testinfra.Infrastructure.KAFKA;
import static io.orderflow.testinfra.Infrastructure.POSTGRES;
import static io.orderflow.testinfra.Infrastructure.TOKENS;
import static io.orderflow.testinfra.Infrastructure.TRACES;
import static org.assertj.core.api.Assertions.assertThat;

class RealInfrastructureContextCustomizerFactoryTests {

	private final RealInfrastructureContextCustomizerFactory factory = new RealInfrastructureContextCustomizerFactory();

	@Test
	void leavesATestWithoutTheAnnotationAlone() {
		assertThat(customizerFor(Unannotated.class)).isNull();
	}

	@Test
	void givesTestsAskingForTheSameInfrastructureEqualCustomizersSoTheyShareAContext() {
		ContextCustomizer first = customizerFor(KafkaAndPostgres.class);
		ContextCustomizer second = customizerFor(PostgresAndKafka.class);

		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
	}

	@Test
	void givesTestsAskingForDifferentDatabasesDifferentContexts() {
		assertThat(customizer(EnumSet.of(POSTGRES), "")).isNotEqualTo(customizer(EnumSet.of(POSTGRES), "orders"));
	}

	@Test
	void addsUpComposedInheritedAndDirectAnnotations() {
		assertThat(customizerFor(ComposedAndDirect.class))
			.isEqualTo(customizer(EnumSet.of(KAFKA, POSTGRES, TRACES), ""));
		assertThat(customizerFor(InheritsKafkaAndPostgres.class))
			.isEqualTo(customizer(EnumSet.of(KAFKA, POSTGRES), ""));
	}

	@Test
	void givesANestedTestWhatItsEnclosingClassAskedFor() {
		assertThat(customizerFor(OrdersDatabase.Inner.class))
			.isEqualTo(customizer(EnumSet.of(POSTGRES, TRACES), "orders"));
	}

	@Test
	void namesTheDatabaseAfterTheApplicationUnlessOneIsGiven() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "order-service");

		assertThat(customizer(EnumSet.of(POSTGRES), "").databaseName(environment)).isEqualTo("order_service");
		assertThat(customizer(EnumSet.of(POSTGRES), "orders").databaseName(environment)).isEqualTo("orders");
		assertThat(customizer(EnumSet.of(POSTGRES), "").databaseName(new MockEnvironment())).isEqualTo("test");
	}

	@Test
	void pointsTheResourceServerAtTheTestTokensKeySetAndIssuer() {
		GenericApplicationContext context = new GenericApplicationContext();

		customizer(EnumSet.of(TOKENS), "").customizeContext(context, null);

		assertThat(context.getEnvironment().getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
			.isEqualTo(TestTokens.jwkSetUri());
		assertThat(context.getEnvironment().getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
			.isEqualTo(TestTokens.ISSUER);
	}

	@Test
	void turnsAnyApplicationNameIntoAPlainIdentifier() {
		assertThat(RealInfrastructureContextCustomizer.plainIdentifier("Payment.Service-2"))
			.isEqualTo("payment_service_2");
		assertThat(RealInfrastructureContextCustomizer.plainIdentifier("1st")).isEqualTo("_1st");
		assertThat(RealInfrastructureContextCustomizer.plainIdentifier("x".repeat(80))).hasSize(63);
	}

	private ContextCustomizer customizerFor(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	private static RealInfrastructureContextCustomizer customizer(EnumSet<Infrastructure> infrastructure,
			String database) {
		return new RealInfrastructureContextCustomizer(infrastructure, database);
	}

	static class Unannotated {

	}

	@RealInfrastructure({ KAFKA, POSTGRES })
	static class KafkaAndPostgres {

	}

	@RealInfrastructure({ POSTGRES, KAFKA })
	static class PostgresAndKafka {

	}

	static class InheritsKafkaAndPostgres extends KafkaAndPostgres {

	}

	@Retention(RetentionPolicy.RUNTIME)
	@RealInfrastructure({ KAFKA, TRACES })
	@interface MessagingTest {

	}

	@MessagingTest
	@RealInfrastructure(POSTGRES)
	static class ComposedAndDirect {

	}

	@RealInfrastructure(value = { POSTGRES, TRACES }, database = "orders")
	static class OrdersDatabase {

		@Nested
		class Inner {

		}

	}

}
