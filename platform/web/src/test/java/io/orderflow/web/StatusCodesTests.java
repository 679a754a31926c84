package io.orderflow.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCodesTests {

	@Test
	void namesStatusesWithTheGatewaysWords() {
		assertThat(StatusCodes.of(429)).isEqualTo("RATE_LIMITED");
		assertThat(StatusCodes.of(502)).isEqualTo("BAD_GATEWAY");
		assertThat(StatusCodes.of(503)).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(StatusCodes.of(504)).isEqualTo("GATEWAY_TIMEOUT");
	}

	@Test
	void fallsBackToTheStatusItself() {
		assertThat(StatusCodes.of(500)).isEqualTo("INTERNAL_ERROR");
		assertThat(StatusCodes.of(507)).isEqualTo("INTERNAL_ERROR");
		assertThat(StatusCodes.of(418)).isEqualTo("HTTP_418");
	}

}
