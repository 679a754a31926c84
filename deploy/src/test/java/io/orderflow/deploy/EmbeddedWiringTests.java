package io.orderflow.deploy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.orderflow.stack.Component;
import io.orderflow.stack.Components;
import io.orderflow.stack.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OrderflowService}'s table of needs restates, for compose and Kubernetes, what
 * the embedded stack's launcher wires into each service. This keeps the two from
 * drifting: a service given a new dependency in the launcher fails here until the table,
 * and with it the deployment checks, require it too.
 */
class EmbeddedWiringTests {

	/**
	 * The deployment need that each launcher component a service depends on stands for.
	 */
	private static final Map<String, Need> NEED_OF_COMPONENT = Map.of("kafka", Need.KAFKA, "postgres", Need.POSTGRES,
			"mongo", Need.MONGO, "search", Need.ELASTICSEARCH, "redis", Need.REDIS, "discovery", Need.DISCOVERY_CLIENT,
			"auth-server", Need.JWT, "payment-provider", Need.PAYMENT_PROVIDER);

	@Test
	void everyServiceOfTheEmbeddedStackIsDeployedWithAtLeastTheNeedsTheLauncherWiresIntoIt() {
		for (Component component : Components.standard()) {
			if (component.tier() != Tier.SERVICE) {
				continue;
			}
			Set<Need> wired = EnumSet.noneOf(Need.class);
			component.needs()
				.forEach((need) -> Optional.ofNullable(NEED_OF_COMPONENT.get(need.component())).ifPresent(wired::add));

			assertThat(OrderflowService.named(component.name())).as("%s in the deployment table", component.name())
				.hasValueSatisfying((service) -> assertThat(service.needs()).as("needs of %s", component.name())
					.containsAll(wired));
		}
	}

}
