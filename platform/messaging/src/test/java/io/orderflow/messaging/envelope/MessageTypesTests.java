package io.orderflow.messaging.envelope;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageTypesTests {

	@Test
	void registersEveryPermittedRecordOfASealedInterfaceByItsTypeName() {
		MessageTypes types = MessageTypes.of(StockEvent.class);

		assertThat(types.names()).containsExactlyInAnyOrder("StockReserved", "StockReleased", "StockCounted");
		assertThat(types.typeNamed("StockReserved")).isEqualTo(StockReserved.class);
		assertThat(types.nameOf(StockReleased.class)).isEqualTo("StockReleased");
	}

	@Test
	void followsNestedSealedInterfaces() {
		assertThat(MessageTypes.of(StockEvent.class).typeNamed("StockCounted")).isEqualTo(StockCounted.class);
	}

	@Test
	void acceptsASingleRecord() {
		assertThat(MessageTypes.of(ReserveStock.class).names()).containsExactly("ReserveStock");
	}

	@Test
	void mergesRegistriesOfSeveralContracts() {
		MessageTypes merged = MessageTypes.merge(List.of(MessageTypes.of(StockEvent.class),
				MessageTypes.of(ReserveStock.class), MessageTypes.of(StockReserved.class)));

		assertThat(merged.names()).containsExactlyInAnyOrder("StockReserved", "StockReleased", "StockCounted",
				"ReserveStock");
	}

	@Test
	void knowsTheTopicsOfTheRegisteredInterfacesSoTheyCanBeCreatedByWhoeverStartsFirst() {
		MessageTypes merged = MessageTypes
			.merge(List.of(MessageTypes.of(StockEvent.class), MessageTypes.of(StockCommand.class, ReserveStock.class)));

		assertThat(merged.topics()).containsExactly("stock.events", "stock.commands");
	}

	@Test
	void rejectsARecordWithoutTypeNameBecauseClassNamesNeverGoOnTheWire() {
		assertThatIllegalArgumentException().isThrownBy(() -> MessageTypes.of(Unnamed.class))
			.withMessageContaining("@JsonTypeName");
	}

	@Test
	void rejectsAnInterfaceThatIsNotSealed() {
		assertThatIllegalArgumentException().isThrownBy(() -> MessageTypes.of(Open.class))
			.withMessageContaining("neither sealed nor concrete");
	}

	@Test
	void rejectsTwoTypesWithOneName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MessageTypes.of(StockReserved.class, AnotherStockReserved.class))
			.withMessageContaining("'StockReserved'");
		assertThatIllegalArgumentException().isThrownBy(() -> MessageTypes
			.merge(List.of(MessageTypes.of(StockReserved.class), MessageTypes.of(AnotherStockReserved.class))));
	}

	@Test
	void failsWithASpecificExceptionForAnUnknownNameOrClass() {
		MessageTypes types = MessageTypes.of(StockEvent.class);

		assertThatExceptionOfType(UnknownMessageTypeException.class).isThrownBy(() -> types.typeNamed("Nope"))
			.withMessageContaining("'Nope'");
		assertThatExceptionOfType(UnknownMessageTypeException.class).isThrownBy(() -> types.nameOf(ReserveStock.class))
			.withMessageContaining(ReserveStock.class.getName());
	}

	sealed interface StockEvent permits StockReserved, StockReleased, Counting {

		String TOPIC = "stock.events";

	}

	sealed interface StockCommand permits CountStock {

		String TOPIC = "stock.commands";

	}

	@JsonTypeName("CountStock")
	record CountStock(String sku) implements StockCommand {
	}

	sealed interface Counting extends StockEvent permits StockCounted {

	}

	@JsonTypeName("StockReserved")
	record StockReserved(String orderId) implements StockEvent {
	}

	@JsonTypeName("StockReleased")
	record StockReleased(String orderId) implements StockEvent {
	}

	@JsonTypeName("StockCounted")
	record StockCounted(String sku, int count) implements Counting {
	}

	@JsonTypeName("ReserveStock")
	record ReserveStock(String orderId) {
	}

	@JsonTypeName("StockReserved")
	record AnotherStockReserved(String orderId) {
	}

	record Unnamed(String orderId) {
	}

	interface Open {

	}

}
