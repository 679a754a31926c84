package io.orderflow.provider;

import java.time.Duration;
import java.util.Map;

import io.orderflow.provider.ProviderClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.orderflow.provider.ProviderClient.aCharge;
import static io.orderflow.provider.ProviderClient.aKey;
import static io.orderflow.provider.ProviderClient.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;

@ProviderTest
class FaultsTests {

	private final ProviderClient provider;

	private final String orderId = anOrderId();

	FaultsTests(ProviderClient provider) {
		this.provider = provider;
	}

	@AfterEach
	void healTheProvider() {
		assertThat(this.provider.delete("/__admin/faults").status()).isEqualTo(204);
	}

	@Test
	void failsEveryChargeAtFailureRateOneWithoutRecordingIt() {
		String key = aKey();
		this.provider.post("/__admin/faults", null, Map.of("failureRate", 1.0, "latencyMs", 0));

		Answer failed = this.provider.charge(key, aCharge("tok_visa", this.orderId));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.error().get("type").asString()).isEqualTo("api_error");
		assertThat(this.provider.chargesOf(this.orderId)).isZero();
		this.provider.delete("/__admin/faults");
		assertThat(this.provider.charge(key, aCharge("tok_visa", this.orderId)).status()).isEqualTo(200);
	}

	@Test
	void delaysEveryChargeByTheConfiguredLatency() {
		this.provider.post("/__admin/faults", null, Map.of("failureRate", 0.0, "latencyMs", 300));

		Answer charged = this.provider.charge(aKey(), aCharge("tok_visa", this.orderId));

		assertThat(charged.status()).isEqualTo(200);
		assertThat(charged.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void reportsTheFaultsInForce() {
		this.provider.post("/__admin/faults", null, Map.of("failureRate", 0.3, "latencyMs", 200));

		Answer faults = this.provider.get("/__admin/faults");

		assertThat(faults.body().get("failureRate").asDouble()).isEqualTo(0.3);
		assertThat(faults.body().get("latencyMs").asLong()).isEqualTo(200);
	}

	@Test
	void rejectsAFailureRateAboveOne() {
		Answer rejected = this.provider.post("/__admin/faults", null, Map.of("failureRate", 1.5, "latencyMs", 0));

		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.error().get("param").asString()).isEqualTo("failureRate");
	}

}
