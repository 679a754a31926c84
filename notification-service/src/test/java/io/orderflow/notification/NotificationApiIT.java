package io.orderflow.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.notification.OrderNotificationsFlowIT.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifications API: history newest first in keyset pages, the live stream, and who
 * may read them.
 */
@NotificationIT
class NotificationApiIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BEARER = TestTokens.bearer("demo-client", "notifications");

	private static final String OPERATOR = TestTokens.bearer("ops-client", "notifications", "admin");

	@LocalServerPort
	int port;

	@Autowired
	private NotificationRepository notifications;

	@Test
	void reportsItselfUpOnTheHealthEndpointWithoutAToken() throws Exception {
		HttpResponse<String> health = get("/actuator/health", null);

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void refusesNotificationsWithoutAValidTokenOrTheNotificationsScope() throws Exception {
		String history = "/api/v1/notifications?customerId=c-1";
		for (String authorization : new String[] { null,
				TestTokens.token("demo-client", "notifications").expired().bearer(),
				TestTokens.token("demo-client", "notifications").signedByAForeignKey().bearer() }) {
			HttpResponse<String> response = get(history, authorization);

			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
		}
		HttpResponse<String> withoutScope = get(history, TestTokens.bearer("demo-client", "orders:read"));
		assertThat(withoutScope.statusCode()).isEqualTo(403);
		assertThat(withoutScope.body()).contains("\"code\":\"FORBIDDEN\"");
		assertThat(get("/api/v1/notifications/stream?customerId=c-1", null).statusCode()).isEqualTo(401);
	}

	@Test
	void listsACustomersNotificationsNewestFirstInPages() throws Exception {
		String customer = "c-history-" + anOrderId();
		List<String> orders = List.of(anOrderId(), anOrderId(), anOrderId());
		try (OrderEvents events = new OrderEvents()) {
			events.send(OrderConfirmed.class, orders.get(0), customer);
			events.send(OrderCancelled.class, orders.get(1), customer);
			events.send(OrderConfirmed.class, orders.get(2), customer);
			events.send(OrderConfirmed.class, anOrderId(), "c-someone-else");
		}
		await().atMost(WAIT)
			.until(() -> orders.stream().allMatch((order) -> this.notifications.countByOrder(order) == 1));
		List<String> newestFirst = orders.stream()
			.flatMap((order) -> Stream.concat(this.notifications.find(order, "OrderConfirmed").stream(),
					this.notifications.find(order, "OrderCancelled").stream()))
			.sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::id).reversed())
			.map(Notification::id)
			.toList();

		JsonNode first = page("/api/v1/notifications?limit=2&customerId=" + customer);
		assertThat(first.get("items")).hasSize(2);
		JsonNode item = first.get("items").get(0);
		assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "owner", "customerId", "orderId", "type",
				"message", "createdAt", "delivery");
		assertThat(item.get("delivery").get("status").asString()).isEqualTo("SENT");
		assertThat(item.get("customerId").asString()).isEqualTo(customer);
		String cursor = first.get("nextCursor").asString();
		JsonNode second = page("/api/v1/notifications?limit=2&customerId=" + customer + "&cursor=" + cursor);
		assertThat(second.get("items")).hasSize(1);
		assertThat(second.get("nextCursor").isNull()).isTrue();

		List<String> ids = new ArrayList<>();
		Stream.concat(first.get("items").valueStream(), second.get("items").valueStream())
			.forEach((each) -> ids.add(each.get("id").asString()));
		assertThat(ids).isEqualTo(newestFirst);
	}

	@Test
	void answersBadParametersWithAProblem() throws Exception {
		for (String query : new String[] { "?customerId=c-1&limit=101", "?customerId=c-1&limit=0", "?limit=5",
				"?customerId=c-1&cursor=not-a-cursor" }) {
			HttpResponse<String> response = get("/api/v1/notifications" + query, BEARER);

			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		}
	}

	@Test
	void streamsANewNotificationToTheCustomersSubscriber() throws Exception {
		String customer = "c-stream-" + anOrderId();
		String orderId = anOrderId();
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpClient http = HttpClient.newHttpClient();
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI
					.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/stream?customerId=" + customer))
				.header("Authorization", BEARER)
				.header("Accept", "text/event-stream")
				.build();
			CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request,
					HttpResponse.BodyHandlers.ofLines());
			HttpResponse<Stream<String>> stream = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(stream.statusCode()).isEqualTo(200);
			Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));

			try (OrderEvents events = new OrderEvents()) {
				events.send(OrderConfirmed.class, orderId, customer);
			}
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("data:")
					.contains("\"orderId\":\"" + orderId + "\"")
					.contains("\"type\":\"OrderConfirmed\"")));
		}
		finally {
			http.shutdownNow();
		}
	}

	@Test
	void showsAClientOnlyTheNotificationsOfItsOwnOrdersAndAnOperatorEveryClients() throws Exception {
		String customer = "c-shared-" + anOrderId();
		String alice = "client-a-" + anOrderId();
		String bob = "client-b-" + anOrderId();
		String alicesOrder = anOrderId();
		String bobsOrder = anOrderId();
		String ownerlessOrder = anOrderId();
		try (OrderEvents events = new OrderEvents()) {
			events.send(OrderConfirmed.class, alicesOrder, customer, alice);
			events.send(OrderCancelled.class, bobsOrder, customer, bob);
			events.send(OrderConfirmed.class, ownerlessOrder, customer, null);
		}
		await().atMost(WAIT)
			.until(() -> List.of(alicesOrder, bobsOrder, ownerlessOrder)
				.stream()
				.allMatch((order) -> this.notifications.countByOrder(order) == 1));
		String history = "/api/v1/notifications?customerId=" + customer;
		String alicesToken = TestTokens.bearer(alice, "notifications");

		assertThat(orderIds(page(history, alicesToken))).containsExactly(alicesOrder);
		assertThat(orderIds(page(history + "&owner=" + alice, alicesToken))).containsExactly(alicesOrder);
		assertThat(orderIds(page(history, TestTokens.bearer(bob, "notifications")))).containsExactly(bobsOrder);
		assertThat(orderIds(page(history, OPERATOR))).containsExactlyInAnyOrder(alicesOrder, bobsOrder, ownerlessOrder);
		assertThat(orderIds(page(history + "&owner=" + bob, OPERATOR))).containsExactly(bobsOrder);
		assertThat(page(history, OPERATOR).get("items").valueStream().map((item) -> item.get("owner")))
			.anySatisfy((owner) -> assertThat(owner.isNull()).isTrue());

		HttpResponse<String> others = get(history + "&owner=" + bob, alicesToken);
		assertThat(others.statusCode()).isEqualTo(403);
		assertThat(others.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(others.body()).contains("\"code\":\"FORBIDDEN\"").doesNotContain(bobsOrder);
		assertThat(
				get("/api/v1/notifications/stream?customerId=" + customer + "&owner=" + bob, alicesToken).statusCode())
			.isEqualTo(403);
	}

	@Test
	void streamsToAClientOnlyTheNotificationsOfItsOwnOrders() throws Exception {
		String customer = "c-shared-stream-" + anOrderId();
		String alice = "client-a-" + anOrderId();
		String bob = "client-b-" + anOrderId();
		String alicesOrder = anOrderId();
		String bobsOrder = anOrderId();
		HttpClient http = HttpClient.newHttpClient();
		try {
			List<String> alices = subscribe(http, customer, TestTokens.bearer(alice, "notifications"));
			List<String> bobs = subscribe(http, customer, TestTokens.bearer(bob, "notifications"));
			List<String> operators = subscribe(http, customer, OPERATOR);

			try (OrderEvents events = new OrderEvents()) {
				events.send(OrderConfirmed.class, bobsOrder, customer, bob);
				await().atMost(WAIT).until(() -> pushed(bobs, bobsOrder) && pushed(operators, bobsOrder));
				events.send(OrderConfirmed.class, alicesOrder, customer, alice);
				await().atMost(WAIT).until(() -> pushed(alices, alicesOrder) && pushed(operators, alicesOrder));
			}

			assertThat(pushed(alices, bobsOrder)).isFalse();
			assertThat(pushed(bobs, alicesOrder)).isFalse();
		}
		finally {
			http.shutdownNow();
		}
	}

	@Test
	void streamsANotificationThatAnotherInstanceStored() throws Exception {
		String customer = "c-elsewhere-" + anOrderId();
		String orderId = anOrderId();
		HttpClient http = HttpClient.newHttpClient();
		try {
			List<String> lines = subscribe(http, customer, BEARER);

			// Stored straight into MongoDB, as another instance's listener does: nothing
			// in
			// this JVM hears of it but the change stream.
			Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			assertThat(this.notifications.insertIfAbsent(
					Notification.claimedForFirstSend(anOrderId(), anOrderId(), "demo-client", customer, orderId,
							"OrderConfirmed", "Your order is confirmed", now, "claim-elsewhere", now.plusSeconds(60))))
				.isTrue();

			await().atMost(WAIT).until(() -> pushed(lines, orderId));
		}
		finally {
			http.shutdownNow();
		}
	}

	private List<String> subscribe(HttpClient http, String customerId, String authorization) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI
				.create("http://127.0.0.1:" + this.port + "/api/v1/notifications/stream?customerId=" + customerId))
			.header("Authorization", authorization)
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<Stream<String>> stream = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
			.get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(stream.statusCode()).isEqualTo(200);
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
		return lines;
	}

	private static boolean pushed(List<String> lines, String orderId) {
		return lines.stream()
			.anyMatch((line) -> line.startsWith("data:") && line.contains("\"orderId\":\"" + orderId + "\""));
	}

	private static List<String> orderIds(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("orderId").asString()).toList();
	}

	private JsonNode page(String path, String authorization) throws Exception {
		HttpResponse<String> response = get(path, authorization);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private JsonNode page(String path) throws Exception {
		return page(path, BEARER);
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

}
