package io.orderflow.order.application;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import io.orderflow.order.support.Api;
import io.orderflow.testinfra.MutableClock;
import io.orderflow.order.support.OrderServiceIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.order.support.Api.orderBody;
import static io.orderflow.order.support.Flows.awaitOrder;
import static io.orderflow.order.support.Flows.key;
import static io.orderflow.order.support.Flows.sku;
import static org.assertj.core.api.Assertions.assertThat;

@OrderServiceIT
class IdempotencyCleanupIT {

	@LocalServerPort
	private int port;

	@Autowired
	private IdempotencyCleanup cleanup;

	@Autowired
	private MutableClock clock;

	@Test
	void forgetsAKeyAfterItsRetentionSoItCanPlaceANewOrder() {
		Api api = new Api(this.port);
		String key = key();
		String first = api.placeOrder(key, orderBody("c-expiry", "tok_visa", sku("CUP"), 1));
		awaitOrder(api, first, "CONFIRMED");

		this.cleanup.removeExpired();
		assertThat(api.place(key, orderBody("c-expiry", "tok_visa", sku("MUG"), 1)).statusCode())
			.as("within the retention")
			.isEqualTo(409);

		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		this.cleanup.removeExpired();
		HttpResponse<String> reused = api.place(key, orderBody("c-expiry", "tok_visa", sku("MUG"), 1));

		assertThat(reused.statusCode()).isEqualTo(202);
		String second = JsonPath.read(reused.body(), "$.orderId");
		assertThat(second).isNotEqualTo(first);
		awaitOrder(api, second, "CONFIRMED");
	}

}
