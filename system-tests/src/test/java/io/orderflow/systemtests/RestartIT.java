package io.orderflow.systemtests;

import java.time.Duration;

import io.orderflow.stack.ComponentStatus;
import io.orderflow.stack.ComponentStatus.State;
import io.orderflow.stack.LocalStack;
import io.orderflow.stack.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(SystemStack.class)
class RestartIT {

	@Test
	void aRestartedServiceComesBackHealthyInANewProcess(LocalStack stack) {
		long before = stack.status("order-service").pid().orElseThrow();

		stack.restart("order-service", Progress.SILENT);

		ComponentStatus after = stack.status("order-service");
		assertThat(after.state()).isEqualTo(State.HEALTHY);
		assertThat(after.pid().orElseThrow()).isNotEqualTo(before);
		assertThat(Http.get(stack.url("order-service") + "/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void aKilledServiceIsReportedDownUntilItIsRestarted(LocalStack stack) {
		assertThat(stack.kill("inventory-service")).isTrue();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stack.status("inventory-service").state()).isEqualTo(State.DOWN));

		stack.restart("inventory-service", Progress.SILENT);

		assertThat(stack.status("inventory-service").state()).isEqualTo(State.HEALTHY);
	}

	@Test
	void aRestartedNodeKeepsItsPortAndComesBackHealthy(LocalStack stack) {
		stack.restart("redis", Progress.SILENT);

		ComponentStatus redis = stack.status("redis");
		assertThat(redis.state()).isEqualTo(State.HEALTHY);
		assertThat(redis.ports()).isEqualTo(Integer.toString(16379 + SystemStack.PORT_OFFSET));
	}

}
