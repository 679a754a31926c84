package io.orderflow.stack;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PortPlanTests {

	private final List<Component> components = Components.standard();

	@Test
	void standardPlanUsesTheDocumentedPorts() {
		PortPlan plan = PortPlan.of(this.components, 0);

		Map<String, Integer> ports = this.components.stream()
			.collect(Collectors.toMap(Component::name, (component) -> plan.port(component.name())));

		assertThat(ports)
			.containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("kafka", 19092), Map.entry("postgres", 15432),
					Map.entry("mongo", 17017), Map.entry("search", 19200), Map.entry("redis", 16379),
					Map.entry("zipkin", 9411), Map.entry("payment-provider", 8090), Map.entry("discovery", 8761),
					Map.entry("auth-server", 9000), Map.entry("gateway", 8080), Map.entry("order-service", 8081),
					Map.entry("inventory-service", 8082), Map.entry("payment-service", 8083),
					Map.entry("notification-service", 8084), Map.entry("search-service", 8085)));
		assertThat(plan.port("kafka", "controller-port")).isEqualTo(19093);
		assertThat(plan.port("search", "transport-port")).isEqualTo(19300);
	}

	@Test
	void staysClearOfALocallyInstalledPostgresAndRedis() {
		assertThat(PortPlan.of(this.components, 0).allPorts()).doesNotContain(5432, 6379);
	}

	@Test
	void offsetShiftsEveryPort() {
		PortPlan standard = PortPlan.of(this.components, 0);
		PortPlan shifted = PortPlan.of(this.components, 1000);

		assertThat(shifted.allPorts())
			.containsExactlyElementsOf(standard.allPorts().stream().map((port) -> port + 1000).sorted().toList());
		assertThat(shifted.port("kafka", "controller-port")).isEqualTo(20093);
	}

	@Test
	void anOffsetCanCollideWithTheStandardPlan() {
		PortPlan standard = PortPlan.of(this.components, 0);

		assertThat(PortPlan.of(this.components, 100).sharedWith(standard)).containsExactly(19300);
		assertThat(PortPlan.of(this.components, 1000).sharedWith(standard)).isEmpty();
	}

	@Test
	void describesEveryPortOfAComponent() {
		assertThat(PortPlan.of(this.components, 0).describe("kafka")).isEqualTo("19092, controller 19093");
	}

	@Test
	void rejectsTwoComponentsOnOnePort() {
		List<Component> clashing = List.of(Component.service("discovery", 8761), Component.service("gateway", 8761));

		assertThatIllegalArgumentException().isThrownBy(() -> PortPlan.of(clashing, 0))
			.withMessageContaining("8761")
			.withMessageContaining("discovery")
			.withMessageContaining("gateway");
	}

	@Test
	void rejectsAnOffsetThatLeavesTheSafeRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> PortPlan.of(this.components, 20000))
			.withMessageContaining("outside");
		assertThatIllegalArgumentException().isThrownBy(() -> PortPlan.of(this.components, -8000))
			.withMessageContaining("outside");
	}

	@Test
	void rejectsAnOffsetLandingOnACommonlyInstalledServer() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PortPlan.of(List.of(Component.service("discovery", 5000)), 432))
			.withMessageContaining("5432");
	}

}
