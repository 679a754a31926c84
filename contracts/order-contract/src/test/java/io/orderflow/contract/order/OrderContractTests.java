package io.orderflow.contract.order;

import java.util.stream.Stream;

import io.orderflow.contract.testing.GoldenMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OrderContractTests {

	static Stream<Class<?>> messageTypes() {
		return Stream.of(OrderEvent.class).flatMap((topic) -> GoldenMessages.messageTypes(topic).stream());
	}

	@ParameterizedTest
	@MethodSource("messageTypes")
	void everyMessageRoundTripsThroughItsGoldenFile(Class<?> messageType) {
		GoldenMessages.assertRoundTrips(messageType);
	}

	@Test
	void readsAnEventPublishedBeforeItCarriedItsOwner() {
		String withoutOwner = GoldenMessages.json(OrderConfirmed.class).replace("\"owner\": \"demo-client\",", "");

		OrderConfirmed event = JsonMapper.builder().build().readValue(withoutOwner, OrderConfirmed.class);

		assertThat(withoutOwner).doesNotContain("owner");
		assertThat(event.owner()).isNull();
		assertThat(event.orderId()).isEqualTo(GoldenMessages.read(OrderConfirmed.class).orderId());
	}

}
