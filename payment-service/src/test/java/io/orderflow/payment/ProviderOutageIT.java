package io.orderflow.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.payment.application.PaymentManagement;
import io.orderflow.payment.domain.PaymentAttempt;
import io.orderflow.payment.domain.PaymentAttempt.Outcome;
import io.orderflow.payment.domain.PaymentAttempts;
import io.orderflow.payment.support.PaymentFlowTest;
import io.orderflow.payment.support.ProviderSimulator.Simulator;
import io.orderflow.payment.support.Saga;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider crashes: a charge waits, retried in place, with no decline and no dead
 * letter, and goes through once the provider is back.
 */
@PaymentFlowTest
class ProviderOutageIT {

	@Autowired
	Saga saga;

	@Autowired
	PaymentManagement payments;

	@Autowired
	CircuitBreaker circuitBreaker;

	@Autowired
	PaymentAttempts attempts;

	@LocalServerPort
	int port;

	@Test
	void waitsForACrashedProviderAndChargesOnceItIsBack(Simulator provider) throws Exception {
		String orderId = ChargePaymentFlowIT.newOrderId();
		provider.kill();
		try {
			this.saga.send(ChargePaymentFlowIT.charge(orderId, "tok_visa"));

			// Retried in place until the circuit opens and refuses: several rounds of
			// tries.
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(outcomes(orderId)).contains(Outcome.UNREACHABLE, Outcome.CIRCUIT_OPEN);
				assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
			});
			assertThat(this.saga.events(orderId)).as("no answer while the provider is down").isEmpty();
			assertThat(this.payments.forOrder(orderId)).isEmpty();
			JsonNode health = JsonMapper.shared().readTree(health().body());
			assertThat(health.get("status").asString()).as("payment-service itself stays up").isEqualTo("UP");
			assertThat(health.get("components").get("paymentProvider").get("status").asString()).isEqualTo("UNKNOWN");
		}
		finally {
			provider.start();
		}

		PaymentCharged charged = this.saga.awaitEvent(orderId, PaymentCharged.class);
		assertThat(provider.charges(orderId)).singleElement()
			.satisfies((charge) -> assertThat(charge.id()).isEqualTo(charged.providerChargeId()));
		assertThat(this.saga.events(orderId)).hasSize(1);
		assertThat(outcomes(orderId)).last().isEqualTo(Outcome.SUCCEEDED);
		assertThat(this.payments.attempts(UUID.fromString(charged.paymentId()))).get()
			.satisfies((attempts) -> assertThat(attempts).hasSizeGreaterThan(3));
	}

	private HttpResponse<String> health() throws IOException, InterruptedException {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
				.header("Authorization", TestTokens.bearer("ops-client", "admin"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	/** The outcomes of the order's tries so far (by order: there is no payment yet). */
	private List<Outcome> outcomes(String orderId) {
		return this.attempts.forOrder(orderId).stream().map(PaymentAttempt::outcome).toList();
	}

}
