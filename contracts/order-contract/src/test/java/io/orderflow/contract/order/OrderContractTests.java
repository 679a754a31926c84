package io.orderflow.contract.order;

import java.util.stream.Stream;

import io.orderflow.contract.testing.GoldenMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OrderContractTests {

	static Stream<Class<?>> messageTypes() {
		return Stream.of(OrderEvent.class).flatMap((topic) -> GoldenMessages.messageTypes(topic).stream());
	}

	@ParameterizedTest
	@MethodSource("messageTypes")
	void everyMessageRoundTripsThroughItsGoldenFile(Class<?> messageType) {
		GoldenMessages.assertRoundTrips(messageType);
	}

}
