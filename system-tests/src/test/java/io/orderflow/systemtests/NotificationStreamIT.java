package io.orderflow.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.orderflow.stack.LocalStack;
import io.orderflow.systemtests.Shop.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's live notifications through the gateway: the stream opens, stays open while
 * nothing happens for longer than the gateway's response timeout, and pushes the
 * confirmation of an order placed meanwhile.
 */
@ExtendWith(SystemStack.class)
class NotificationStreamIT {

	@Test
	void aSubscriberThroughTheGatewayIsPushedTheConfirmationOfAnOrderPlacedWhileItListens(LocalStack stack)
			throws Exception {
		Shop shop = new Shop(stack);
		String sku = PlaceOrderIT.run() + "-STREAM";
		String customer = "c-stream-" + sku.toLowerCase();
		shop.createProduct(sku, "system-tests", "4.50", 10);
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpRequest subscribe = HttpRequest
			.newBuilder(URI.create(shop.url("/api/v1/notifications/stream?customerId=" + customer)))
			.header("Accept", "text/event-stream")
			.header("Authorization", shop.as(Tokens.DEMO)[1])
			.build();

		HttpClient client = HttpClient.newHttpClient();
		try {
			HttpResponse<Stream<String>> response = client.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines())
				.get(10, TimeUnit.SECONDS);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
			Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));

			// Longer than any route's response timeout at the gateway (3 s): an idle
			// stream
			// is not a slow response.
			await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(reader::isAlive);
			String orderId = shop.place(UUID.randomUUID().toString(), customer, "tok_visa", new Line(sku, 1));

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("data:")
					.contains("\"orderId\":\"" + orderId + "\"")
					.contains("\"type\":\"OrderConfirmed\"")));
			assertThat(lines).contains("event:notification");
		}
		finally {
			// close() would wait for the stream to end, which it never does by itself.
			client.shutdownNow();
		}
	}

}
