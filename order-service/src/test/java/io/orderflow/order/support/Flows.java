package io.orderflow.order.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Waiting for what the saga does, through the API as a client sees it. */
public final class Flows {

	/** Long enough for a first rebalance of the listeners on a busy machine. */
	public static final Duration PATIENCE = Duration.ofSeconds(60);

	private Flows() {
	}

	/** A sku no other test uses, so scripted behaviour and stock are the test's own. */
	public static String sku(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static String key() {
		return UUID.randomUUID().toString();
	}

	/** Waits until the order has {@code status} and returns its JSON. */
	public static String awaitOrder(Api api, String orderId, String status) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat((String) JsonPath.read(api.order(orderId), "$.status")).isEqualTo(status));
		return api.order(orderId);
	}

	/** Waits until the order's saga is in {@code state} and returns its JSON. */
	public static String awaitSaga(Api api, String orderId, String state) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat((String) JsonPath.read(api.saga(orderId), "$.state")).isEqualTo(state));
		return api.saga(orderId);
	}

	/** Waits until the participants received commands matching {@code wanted}. */
	public static List<Object> awaitCommands(ScriptedParticipants participants, String orderId,
			Predicate<List<Object>> wanted) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> wanted.test(participants.commandsFor(orderId)));
		return participants.commandsFor(orderId);
	}

	/** How many of {@code commands} are of {@code type}. */
	public static long count(List<Object> commands, Class<?> type) {
		return commands.stream().filter(type::isInstance).count();
	}

	/** The saga's history as "STEP OUTCOME" lines. */
	public static List<String> steps(String sagaJson) {
		List<String> steps = JsonPath.read(sagaJson, "$.steps[*].step");
		List<String> outcomes = JsonPath.read(sagaJson, "$.steps[*].outcome");
		return IntStream.range(0, steps.size()).mapToObj((i) -> steps.get(i) + " " + outcomes.get(i)).toList();
	}

}
