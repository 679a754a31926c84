package io.orderflow.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayPropertiesTests {

	@Test
	void refusesAWildcardOrigin() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GatewayProperties.Cors(List.of("https://*.example.com"), Duration.ofDays(1)))
			.withMessageContaining("one by one");
	}

	@Test
	void refusesARouteCostThatAFullBucketCannotPay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GatewayProperties.RateLimit(10, 20, Map.of("place-order", 21), Duration.ofSeconds(1)))
			.withMessageContaining("place-order");
	}

}
