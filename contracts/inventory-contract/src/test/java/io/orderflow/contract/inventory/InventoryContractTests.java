package io.orderflow.contract.inventory;

import java.util.stream.Stream;

import io.orderflow.contract.testing.GoldenMessages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryContractTests {

	static Stream<Class<?>> messageTypes() {
		return Stream.of(InventoryCommand.class, InventoryEvent.class)
			.flatMap((topic) -> GoldenMessages.messageTypes(topic).stream());
	}

	@ParameterizedTest
	@MethodSource("messageTypes")
	void everyMessageRoundTripsThroughItsGoldenFile(Class<?> messageType) {
		GoldenMessages.assertRoundTrips(messageType);
	}

}
