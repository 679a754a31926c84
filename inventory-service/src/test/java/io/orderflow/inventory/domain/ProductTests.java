package io.orderflow.inventory.domain;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static io.orderflow.inventory.domain.Products.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProductTests {

	private static final Instant LATER = Products.CREATED.plusSeconds(60);

	@Test
	void startsAtVersionOneWithNothingReservedOrSold() {
		Product product = aProduct("CUP-1", "12.5", 10);

		assertThat(product.version()).isEqualTo(1);
		assertThat(product.reserved()).isZero();
		assertThat(product.sold()).isZero();
		assertThat(product.price()).isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void countsEveryChangeInItsVersion() {
		Product product = aProduct("CUP-1", "12.50", 10).reserve(3, LATER)
			.release(1, LATER)
			.commit(2, LATER)
			.withAvailable(20, LATER)
			.withPrice(new BigDecimal("13.00"), "EUR", LATER);

		assertThat(product.version()).isEqualTo(6);
		assertThat(product.available()).isEqualTo(20);
		assertThat(product.reserved()).isZero();
		assertThat(product.sold()).isEqualTo(2);
		assertThat(product.updatedAt()).isEqualTo(LATER);
	}

	@Test
	void keepsItsVersionWhenSetToWhatItIs() {
		Product product = aProduct("CUP-1", "12.50", 10);

		assertThat(product.withAvailable(10, LATER)).isSameAs(product);
		assertThat(product.withPrice(new BigDecimal("12.5"), "EUR", LATER)).isSameAs(product);
	}

	@Test
	void neverReservesMoreThanIsAvailable() {
		assertThatIllegalStateException().isThrownBy(() -> aProduct("CUP-1", "12.50", 2).reserve(3, LATER));
	}

	@Test
	void neverReleasesOrSellsMoreThanIsReserved() {
		Product product = aProduct("CUP-1", "12.50", 5).reserve(1, LATER);

		assertThatIllegalStateException().isThrownBy(() -> product.release(2, LATER));
		assertThatIllegalStateException().isThrownBy(() -> product.commit(2, LATER));
	}

	@Test
	void keepsSetStockFiguresOutOfTheReservedAndSoldOnes() {
		Product product = aProduct("CUP-1", "12.50", 5).reserve(2, LATER).withAvailable(0, LATER);

		assertThat(product.available()).isZero();
		assertThat(product.reserved()).isEqualTo(2);
	}

	@Test
	void rejectsPricesThatAreNotPositiveMoneyAmounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("CUP-1", "0", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("CUP-1", "-1.00", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("CUP-1", "1.005", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("CUP-1", "10000000000.00", 1));
	}

	@Test
	void rejectsWhatIsNotAnIsoCurrency() {
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("CUP-1", "1.00", "usd", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("CUP-1", "1.00", "XYZ", 1));
	}

	@Test
	void rejectsSkusOffTheLabelAlphabet() {
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("cup-1", "1.00", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("CUP 1", "1.00", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> aProduct("C".repeat(65), "1.00", 1));
	}

}
