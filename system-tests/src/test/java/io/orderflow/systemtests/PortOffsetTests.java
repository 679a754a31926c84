package io.orderflow.systemtests;

import io.orderflow.stack.Components;
import io.orderflow.stack.PortPlan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortOffsetTests {

	private final PortPlan developers = PortPlan.of(Components.standard(), 0);

	@Test
	void systemTestStackSharesNoPortWithADevelopersStack() {
		assertThat(PortPlan.of(Components.standard(), SystemStack.PORT_OFFSET).sharedWith(this.developers)).isEmpty();
	}

	@Test
	void killedJvmStackSharesNoPortWithTheOtherStacks() {
		PortPlan killedJvm = PortPlan.of(Components.standard(), SystemStack.PORT_OFFSET + 1000);

		assertThat(killedJvm.sharedWith(this.developers)).isEmpty();
		assertThat(killedJvm.sharedWith(PortPlan.of(Components.standard(), SystemStack.PORT_OFFSET))).isEmpty();
	}

}
