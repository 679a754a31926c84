package io.orderflow.systemtests;

import java.net.http.HttpResponse;
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

	/**
	 * While inventory-service is gone (and still listed in Eureka, for up to two leases),
	 * the gateway answers its routes at once with a problem, never a hang or an HTML
	 * page.
	 */
	@Test
	void aKilledServiceIsReportedDownAndAnsweredByTheGatewayWithA503UntilItIsRestarted(LocalStack stack) {
		Shop shop = new Shop(stack);
		String products = shop.url("/api/v1/products?limit=1");
		assertThat(Http.get(products, shop.as(Tokens.DEMO)).statusCode()).isEqualTo(200);

		assertThat(stack.kill("inventory-service")).isTrue();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stack.status("inventory-service").state()).isEqualTo(State.DOWN));
		long asked = System.nanoTime();
		HttpResponse<String> whileDown = Http.get(products, shop.as(Tokens.DEMO));
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
		assertThat(whileDown.statusCode()).as(whileDown.body()).isEqualTo(503);
		assertThat(whileDown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		stack.restart("inventory-service", Progress.SILENT);

		assertThat(stack.status("inventory-service").state()).isEqualTo(State.HEALTHY);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(Http.get(products, shop.as(Tokens.DEMO)).statusCode()).isEqualTo(200));
	}

	@Test
	void aRestartedNodeKeepsItsPortAndComesBackHealthy(LocalStack stack) {
		stack.restart("redis", Progress.SILENT);

		ComponentStatus redis = stack.status("redis");
		assertThat(redis.state()).isEqualTo(State.HEALTHY);
		assertThat(redis.ports()).isEqualTo(Integer.toString(16379 + SystemStack.PORT_OFFSET));
	}

}
