package io.orderflow.systemtests;

import java.util.List;

import io.orderflow.stack.ComponentStatus;
import io.orderflow.stack.Components;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.PortPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SystemStack.class)
class StackHealthIT {

	@Test
	void everyComponentIsHealthy(LocalStack stack) {
		List<ComponentStatus> statuses = stack.status();

		assertThat(statuses).extracting(ComponentStatus::name)
			.containsExactlyInAnyOrderElementsOf(
					stack.plan().components().stream().map((component) -> component.name()).toList());
		assertThat(statuses).allSatisfy(
				(status) -> assertThat(status.state()).as(status.name()).isEqualTo(ComponentStatus.State.HEALTHY));
	}

	@Test
	void runsEveryServiceModuleAndAllTheInfrastructure(LocalStack stack) {
		assertThat(stack.plan().components()).extracting((component) -> component.name())
			.contains("kafka", "postgres", "redis", "mongo", "search", "zipkin", "discovery", "auth-server", "gateway",
					"order-service", "inventory-service", "payment-service", "notification-service", "search-service");
	}

	@Test
	void sharesNoPortWithADevelopersStack(LocalStack stack) {
		assertThat(stack.plan().ports().sharedWith(PortPlan.of(Components.standard(), 0))).isEmpty();
		assertThat(stack.port("gateway")).isEqualTo(8080 + SystemStack.PORT_OFFSET);
	}

}
