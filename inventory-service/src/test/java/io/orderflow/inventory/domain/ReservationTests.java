package io.orderflow.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.orderflow.inventory.domain.Products.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ReservationTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");

	private static final Instant LATER = NOW.plusSeconds(5);

	private final Product cup = aProduct("CUP-1", "12.50", 10);

	private final Product jug = aProduct("JUG-7", "19.99", 3);

	@Nested
	class FirstRequest {

		@Test
		void reservesEveryLineAtTheProductsCurrentPrices() {
			ReservationChange change = Reservation.attempt("o-1",
					List.of(new RequestedLine("CUP-1", 2), new RequestedLine("JUG-7", 1)), stock(cup, jug), NOW);

			Reservation reservation = change.reservation();
			assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
			assertThat(reservation.lines()).containsExactly(
					new ReservationLine("CUP-1", "Product CUP-1", 2, new BigDecimal("12.50")),
					new ReservationLine("JUG-7", "Product JUG-7", 1, new BigDecimal("19.99")));
			assertThat(reservation.total()).isEqualTo(new BigDecimal("44.99"));
			assertThat(reservation.currency()).isEqualTo("EUR");
			assertThat(reservation.outcome())
				.isEqualTo(new ReservationOutcome.Reserved(reservation.lines(), new BigDecimal("44.99"), "EUR"));
		}

		@Test
		void movesTheReservedQuantitiesFromAvailableToReservedWithANewVersion() {
			ReservationChange change = Reservation.attempt("o-1",
					List.of(new RequestedLine("CUP-1", 2), new RequestedLine("JUG-7", 3)), stock(cup, jug), NOW);

			assertThat(change.changedProducts())
				.extracting(Product::sku, Product::available, Product::reserved, Product::version, Product::updatedAt)
				.containsExactly(tuple("CUP-1", 8, 2, 2L, NOW), tuple("JUG-7", 0, 3, 2L, NOW));
		}

		@Test
		void addsUpLinesOfTheSameSkuIntoOneLine() {
			ReservationChange change = Reservation.attempt("o-1", List.of(new RequestedLine("CUP-1", 2),
					new RequestedLine("JUG-7", 1), new RequestedLine("CUP-1", 3)), stock(cup, jug), NOW);

			assertThat(change.reservation().lines()).extracting(ReservationLine::sku, ReservationLine::quantity)
				.containsExactly(tuple("CUP-1", 5), tuple("JUG-7", 1));
			assertThat(change.reservation().total()).isEqualTo(new BigDecimal("82.49"));
		}

		@Test
		void refusesTheWholeOrderWhenTheSummedQuantityOfASkuIsShort() {
			ReservationChange change = Reservation.attempt("o-1",
					List.of(new RequestedLine("JUG-7", 2), new RequestedLine("JUG-7", 2)), stock(jug), NOW);

			assertThat(change.reservation().outcome())
				.isEqualTo(new ReservationOutcome.Refused(ReservationFailure.OUT_OF_STOCK, List.of("JUG-7")));
		}

		@Test
		void refusesEverythingWhenOneLineIsShortNamingEveryShortProduct() {
			Product pan = aProduct("PAN-3", "40.00", 0);

			ReservationChange change = Reservation.attempt("o-1", List.of(new RequestedLine("PAN-3", 1),
					new RequestedLine("CUP-1", 1), new RequestedLine("JUG-7", 4)), stock(cup, jug, pan), NOW);

			assertThat(change.reservation().status()).isEqualTo(ReservationStatus.FAILED);
			assertThat(change.reservation().outcome())
				.isEqualTo(new ReservationOutcome.Refused(ReservationFailure.OUT_OF_STOCK, List.of("JUG-7", "PAN-3")));
			assertThat(change.changedProducts()).isEmpty();
			assertThat(change.reservation().lines()).isEmpty();
			assertThat(change.reservation().total()).isNull();
		}

		@Test
		void reservesTheLastUnitsAvailable() {
			ReservationChange change = Reservation.attempt("o-1", List.of(new RequestedLine("JUG-7", 3)), stock(jug),
					NOW);

			assertThat(change.reservation().status()).isEqualTo(ReservationStatus.RESERVED);
			assertThat(change.changedProducts().getFirst().available()).isZero();
		}

		@Test
		void refusesUnknownProductsBeforeLookingAtStock() {
			ReservationChange change = Reservation.attempt("o-1", List.of(new RequestedLine("NOPE-2", 1),
					new RequestedLine("JUG-7", 99), new RequestedLine("NOPE-1", 1)), stock(jug), NOW);

			assertThat(change.reservation().outcome()).isEqualTo(
					new ReservationOutcome.Refused(ReservationFailure.UNKNOWN_PRODUCT, List.of("NOPE-1", "NOPE-2")));
			assertThat(change.changedProducts()).isEmpty();
		}

		@Test
		void refusesProductsPricedInDifferentCurrenciesNamingTheOrdersProducts() {
			Product dollarMug = aProduct("MUG-9", "9.00", "USD", 5);

			ReservationChange change = Reservation.attempt("o-1",
					List.of(new RequestedLine("MUG-9", 1), new RequestedLine("CUP-1", 1)), stock(cup, dollarMug), NOW);

			assertThat(change.reservation().outcome()).isEqualTo(
					new ReservationOutcome.Refused(ReservationFailure.MIXED_CURRENCY, List.of("CUP-1", "MUG-9")));
			assertThat(change.changedProducts()).isEmpty();
		}

		@Test
		void rejectsARequestForNothing() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Reservation.attempt("o-1", List.of(), stock(cup), NOW));
		}

		@Test
		void rejectsQuantitiesBelowOne() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RequestedLine("CUP-1", 0));
		}

		@Test
		void rejectsQuantitiesThatAddUpBeyondRange() {
			assertThatIllegalArgumentException().isThrownBy(() -> Reservation.attempt("o-1",
					List.of(new RequestedLine("CUP-1", Integer.MAX_VALUE), new RequestedLine("CUP-1", 1)), stock(cup),
					NOW));
		}

	}

	@Nested
	class LaterRequests {

		@Test
		void areAnsweredWithTheStoredReservation() {
			Reservation reserved = reserved("o-1", 2);

			assertThat(reserved.outcome()).isInstanceOf(ReservationOutcome.Reserved.class);
			assertThat(reserved.commit(stock(cup.reserve(2, NOW)), LATER).reservation().outcome())
				.isEqualTo(reserved.outcome());
		}

		@Test
		void areAnsweredWithTheStoredRefusal() {
			Reservation refused = Reservation.attempt("o-1", List.of(new RequestedLine("JUG-7", 4)), stock(jug), NOW)
				.reservation();

			assertThat(refused.outcome())
				.isEqualTo(new ReservationOutcome.Refused(ReservationFailure.OUT_OF_STOCK, List.of("JUG-7")));
		}

		@Test
		void areRefusedAsAlreadyReleasedAfterAReleaseThatCameFirst() {
			Reservation tombstone = Reservation.tombstone("o-1", NOW);

			assertThat(tombstone.status()).isEqualTo(ReservationStatus.RELEASED);
			assertThat(tombstone.lines()).isEmpty();
			assertThat(tombstone.outcome())
				.isEqualTo(new ReservationOutcome.Refused(ReservationFailure.ALREADY_RELEASED, List.of()));
		}

		@Test
		void areRefusedAsAlreadyReleasedAfterTheStockWasGivenBack() {
			Reservation released = reserved("o-1", 2).release(stock(cup.reserve(2, NOW)), LATER).reservation();

			assertThat(released.outcome())
				.isEqualTo(new ReservationOutcome.Refused(ReservationFailure.ALREADY_RELEASED, List.of()));
		}

	}

	@Nested
	class Release {

		@Test
		void givesHeldStockBack() {
			Product held = cup.reserve(2, NOW);

			ReservationChange change = reserved("o-1", 2).release(stock(held), LATER);

			assertThat(change.reservation().status()).isEqualTo(ReservationStatus.RELEASED);
			assertThat(change.reservation().updatedAt()).isEqualTo(LATER);
			assertThat(change.movedLines()).extracting(ReservationLine::sku, ReservationLine::quantity)
				.containsExactly(tuple("CUP-1", 2));
			Product given = change.changedProducts().getFirst();
			assertThat(given.available()).isEqualTo(10);
			assertThat(given.reserved()).isZero();
			assertThat(given.version()).isEqualTo(held.version() + 1);
		}

		@Test
		void changesNothingTheSecondTime() {
			Reservation released = reserved("o-1", 2).release(stock(cup.reserve(2, NOW)), LATER).reservation();

			ReservationChange again = released.release(Map.of(), LATER);

			assertThat(again.reservation()).isSameAs(released);
			assertThat(again.changedProducts()).isEmpty();
			assertThat(again.movedLines()).isEmpty();
		}

		@Test
		void changesNothingForARefusedReservation() {
			Reservation refused = Reservation.attempt("o-1", List.of(new RequestedLine("JUG-7", 4)), stock(jug), NOW)
				.reservation();

			ReservationChange change = refused.release(Map.of(), LATER);

			assertThat(change.reservation()).isSameAs(refused);
			assertThat(change.movedLines()).isEmpty();
		}

		@Test
		void isRefusedForSoldStock() {
			Reservation committed = reserved("o-1", 2).commit(stock(cup.reserve(2, NOW)), LATER).reservation();

			assertThatThrownBy(() -> committed.release(Map.of(), LATER)).isInstanceOf(ReservationStateException.class)
				.hasMessageContaining("o-1");
		}

	}

	@Nested
	class Commit {

		@Test
		void sellsHeldStock() {
			ReservationChange change = reserved("o-1", 2).commit(stock(cup.reserve(2, NOW)), LATER);

			assertThat(change.reservation().status()).isEqualTo(ReservationStatus.COMMITTED);
			Product sold = change.changedProducts().getFirst();
			assertThat(sold.available()).isEqualTo(8);
			assertThat(sold.reserved()).isZero();
			assertThat(sold.sold()).isEqualTo(2);
		}

		@Test
		void changesNothingTheSecondTimeAndKeepsTheLines() {
			Reservation committed = reserved("o-1", 2).commit(stock(cup.reserve(2, NOW)), LATER).reservation();

			ReservationChange again = committed.commit(Map.of(), LATER);

			assertThat(again.reservation()).isSameAs(committed);
			assertThat(again.changedProducts()).isEmpty();
			assertThat(again.reservation().lines()).hasSize(1);
		}

		@Test
		void isRefusedWhenNothingIsHeld() {
			assertThatThrownBy(() -> Reservation.tombstone("o-1", NOW).commit(Map.of(), LATER))
				.isInstanceOf(ReservationStateException.class);
			Reservation refused = Reservation.attempt("o-2", List.of(new RequestedLine("JUG-7", 4)), stock(jug), NOW)
				.reservation();
			assertThatThrownBy(() -> refused.commit(Map.of(), LATER)).isInstanceOf(ReservationStateException.class);
		}

	}

	@Test
	void rejectsOrderIdsItCannotKeep() {
		assertThatIllegalArgumentException().isThrownBy(() -> Reservation.tombstone(" ", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> Reservation.tombstone("x".repeat(65), NOW));
	}

	private Reservation reserved(String orderId, int cups) {
		return Reservation.attempt(orderId, List.of(new RequestedLine("CUP-1", cups)), stock(this.cup), NOW)
			.reservation();
	}

	private static Map<String, Product> stock(Product... products) {
		return Stream.of(products).collect(Collectors.toMap(Product::sku, Function.identity()));
	}

}
