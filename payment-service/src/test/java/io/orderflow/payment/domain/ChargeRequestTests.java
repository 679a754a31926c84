package io.orderflow.payment.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChargeRequestTests {

	@Test
	void normalizesTheAmountToTwoDecimalsAndTheCurrencyToUpperCase() {
		ChargeRequest request = new ChargeRequest("order-1", "c-1", new BigDecimal("44.9"), "eur", "tok_visa");

		assertThat(request.amount()).hasToString("44.90");
		assertThat(request.currency()).isEqualTo("EUR");
	}

	@Test
	void acceptsTrailingZerosBeyondTwoDecimals() {
		assertThat(new ChargeRequest("order-1", null, new BigDecimal("10.000"), "EUR", "tok_visa").amount())
			.hasToString("10.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1.00", "44.999", "10000000000.00" })
	void refusesAnAmountThatIsNotPositiveOrDoesNotFit(String amount) {
		assertThatExceptionOfType(InvalidPaymentRequest.class)
			.isThrownBy(() -> new ChargeRequest("order-1", "c-1", new BigDecimal(amount), "EUR", "tok_visa"));
	}

	@Test
	void refusesAMissingAmount() {
		assertThatExceptionOfType(InvalidPaymentRequest.class)
			.isThrownBy(() -> new ChargeRequest("order-1", "c-1", null, "EUR", "tok_visa"));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "EU", "EURO", "E1R", "€UR" })
	void refusesACurrencyThatIsNotThreeLetters(String currency) {
		assertThatExceptionOfType(InvalidPaymentRequest.class)
			.isThrownBy(() -> new ChargeRequest("order-1", "c-1", BigDecimal.TEN, currency, "tok_visa"))
			.withMessageContaining("currency");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = " ")
	void refusesAMissingOrderOrToken(String blank) {
		assertThatExceptionOfType(InvalidPaymentRequest.class)
			.isThrownBy(() -> new ChargeRequest(blank, "c-1", BigDecimal.TEN, "EUR", "tok_visa"));
		assertThatExceptionOfType(InvalidPaymentRequest.class)
			.isThrownBy(() -> new ChargeRequest("order-1", "c-1", BigDecimal.TEN, "EUR", blank));
	}

}
