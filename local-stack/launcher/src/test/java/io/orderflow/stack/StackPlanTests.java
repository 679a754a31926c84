package io.orderflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StackPlanTests {

	private final StackPlan standard = StackPlan.of(Components.standard(), 0);

	@Test
	void startsTheInfrastructureFirstAndTheGatewayLast() {
		List<Component> order = this.standard.components();

		assertThat(order.subList(0, 7)).extracting(Component::tier).containsOnly(Tier.INFRASTRUCTURE);
		assertThat(names(order).subList(0, 7)).contains("zipkin", "payment-provider");
		assertThat(order.subList(7, order.size())).extracting(Component::tier).containsOnly(Tier.SERVICE);
		assertThat(order.getLast().name()).isEqualTo("gateway");
		assertThat(names(order).subList(7, 9)).containsExactly("discovery", "auth-server");
	}

	@Test
	void startsEveryComponentAfterWhatItNeeds() {
		List<String> order = names(this.standard.components());

		for (Component component : this.standard.components()) {
			for (String dependency : this.standard.dependencies(component.name())) {
				assertThat(order.indexOf(dependency)).as("%s before %s", dependency, component.name())
					.isLessThan(order.indexOf(component.name()));
			}
		}
	}

	@Test
	void stopsTheServicesFirstAndEveryComponentBeforeWhatItNeeds() {
		List<String> stopOrder = names(this.standard.stopOrder());

		assertThat(stopOrder.getFirst()).isEqualTo("gateway");
		assertThat(stopOrder.indexOf("discovery")).isGreaterThan(stopOrder.indexOf("order-service"));
		assertThat(stopOrder.indexOf("zipkin")).isGreaterThan(stopOrder.indexOf("discovery"));
		assertThat(stopOrder.indexOf("kafka")).isGreaterThan(stopOrder.indexOf("order-service"));
	}

	@Test
	void everyServiceNeedsZipkinForItsTraces() {
		this.standard.components()
			.stream()
			.filter((component) -> component.tier() == Tier.SERVICE)
			.forEach((service) -> assertThat(this.standard.dependencies(service.name())).contains("zipkin"));
	}

	@Test
	void startingANamedServiceBringsWhatItNeeds() {
		assertThat(names(this.standard.withDependencies(List.of("order-service")))).containsExactly("kafka", "postgres",
				"zipkin", "discovery", "auth-server", "order-service");
	}

	@Test
	void startingNothingInParticularStartsEverything() {
		assertThat(this.standard.withDependencies(List.of())).isEqualTo(this.standard.components());
	}

	@Test
	void createsOneDatabasePerServiceThatNeedsOne() {
		assertThat(this.standard.databases()).containsExactly("inventory", "orders", "payments");
		assertThat(this.standard.nodeArguments(this.standard.component("postgres"), Path.of("/data/postgres")))
			.containsEntry("databases", "inventory,orders,payments");
	}

	@Test
	void givesANodeItsDataDirectoryAndEveryPort() {
		assertThat(this.standard.nodeArguments(this.standard.component("kafka"), Path.of("/state/data/kafka")))
			.containsExactlyInAnyOrderEntriesOf(
					Map.of("data-dir", "/state/data/kafka", "port", "19092", "controller-port", "19093"));
	}

	@Test
	void pointsAServiceAtWhatItNeedsOnThePlansPorts() {
		StackPlan shifted = StackPlan.of(Components.standard(), 1000);

		assertThat(shifted.serviceArguments(shifted.component("order-service"))).containsExactly("--server.port=9081",
				"--server.address=127.0.0.1", "--spring.kafka.bootstrap-servers=127.0.0.1:20092",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:16432/orders",
				"--spring.datasource.username=orders", "--spring.datasource.password=orders",
				"--eureka.client.service-url.defaultZone=http://127.0.0.1:9761/eureka/",
				"--eureka.instance.prefer-ip-address=true", "--eureka.instance.ip-address=127.0.0.1",
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:10000/oauth2/jwks",
				"--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:10000");
		assertThat(shifted.serviceArguments(shifted.component("auth-server")))
			.contains("--orderflow.auth.issuer=http://127.0.0.1:10000");
		assertThat(shifted.serviceArguments(shifted.component("notification-service")))
			.contains("--spring.mongodb.uri=mongodb://127.0.0.1:18017/notifications");
		assertThat(shifted.serviceArguments(shifted.component("search-service")))
			.contains("--spring.elasticsearch.uris=http://127.0.0.1:20200");
		assertThat(shifted.serviceArguments(shifted.component("gateway"))).contains(
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=17379",
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:10000/oauth2/jwks");
	}

	@Test
	void runsAServiceWithTheAgentExportingToThisStacksZipkin() {
		StackPlan shifted = StackPlan.of(Components.standard(), 1000);

		List<String> command = shifted.serviceCommand(shifted.component("payment-service"), "java",
				Path.of("/checkout/payment-service.jar"), Path.of("/tools/agent.jar"), Path.of("/state"));

		assertThat(command).containsSubsequence("java", "-Xmx384m", "-javaagent:/tools/agent.jar",
				"-Dotel.service.name=payment-service", "-Dotel.traces.exporter=zipkin",
				"-Dotel.exporter.zipkin.endpoint=http://127.0.0.1:10411/api/v2/spans", "-Dotel.metrics.exporter=none",
				"-Dotel.logs.exporter=none", "-Dorderflow.component=payment-service", "-Dorderflow.state-dir=/state",
				"-jar", "/checkout/payment-service.jar", "--server.port=9083");
	}

	@Test
	void runsZipkinOnTheLoopbackAddressAndItsPlannedPort() {
		StackPlan shifted = StackPlan.of(Components.standard(), 1000);

		assertThat(shifted.programCommand(shifted.component("zipkin"), "java", Path.of("/tools/zipkin.jar"),
				Path.of("/checkout"), Path.of("/state")))
			.containsSubsequence("-Dorderflow.component=zipkin", "-jar", "/tools/zipkin.jar",
					"--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=10411");
	}

	@Test
	void startsThePaymentProviderBeforeThePaymentServiceAndPointsTheServiceAtIt() {
		StackPlan shifted = StackPlan.of(Components.standard(), 1000);

		List<String> order = names(shifted.components());
		assertThat(order.indexOf("payment-provider")).isLessThan(order.indexOf("payment-service"));
		assertThat(shifted.dependencies("payment-provider")).isEmpty();
		assertThat(shifted.serviceArguments(shifted.component("payment-service")))
			.contains("--orderflow.payment.provider.base-url=http://127.0.0.1:9090");
	}

	@Test
	void stopsThePaymentProviderAfterThePaymentService() {
		List<String> stopOrder = names(this.standard.stopOrder());

		assertThat(stopOrder.indexOf("payment-provider")).isGreaterThan(stopOrder.indexOf("payment-service"));
	}

	@Test
	void runsThePaymentProviderWithoutTheAgentOnThePlansPortKeepingItsBooksInItsDataDirectory() {
		StackPlan shifted = StackPlan.of(Components.standard(), 1000);

		List<String> command = shifted.simulatorCommand(shifted.component("payment-provider"), "java",
				Path.of("/checkout/local-stack/payment-provider/target/payment-provider.jar"), Path.of("/checkout"),
				Path.of("/state"));

		assertThat(command).containsSubsequence("java", "-Xmx128m", "-Dorderflow.component=payment-provider",
				"-Dorderflow.state-dir=/state", "-jar",
				"/checkout/local-stack/payment-provider/target/payment-provider.jar", "--server.port=9090",
				"--server.address=127.0.0.1", "--orderflow.provider.data-dir=/state/data/payment-provider");
		assertThat(command).noneMatch((argument) -> argument.startsWith("-javaagent"));
	}

	@Test
	void dropsTheOrderingOnAServiceWhoseModuleIsNotThere() {
		List<Component> withoutSearch = Components.standard()
			.stream()
			.filter((component) -> !component.name().equals("search-service"))
			.toList();

		StackPlan plan = StackPlan.of(withoutSearch, 0);

		assertThat(plan.dependencies("gateway")).doesNotContain("search-service").contains("order-service");
	}

	@Test
	void refusesAServiceWhoseInfrastructureIsNotThere() {
		List<Component> withoutKafka = Components.standard()
			.stream()
			.filter((component) -> !component.name().equals("kafka"))
			.toList();

		assertThatIllegalArgumentException().isThrownBy(() -> StackPlan.of(withoutKafka, 0))
			.withMessageContaining("order-service needs kafka");
	}

	@Test
	void refusesNeedsThatFormACycle() {
		List<Component> cycle = List.of(Component.service("zipkin", 9411, Need.after("a")),
				Component.service("a", 9001, Need.after("b")), Component.service("b", 9002, Need.after("a")));

		assertThatIllegalArgumentException().isThrownBy(() -> StackPlan.of(cycle, 0)).withMessageContaining("cycle");
	}

	@Test
	void namesTheComponentsWhenAskedForAnUnknownOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.standard.component("order"))
			.withMessageContaining("No component named 'order'")
			.withMessageContaining("order-service");
	}

	private static List<String> names(List<Component> components) {
		return components.stream().map(Component::name).toList();
	}

}
