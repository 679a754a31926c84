package io.orderflow.payment.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.contract.payment.PaymentRefunded;
import io.orderflow.contract.payment.RefundPayment;
import io.orderflow.payment.support.PaymentFlowTest;
import io.orderflow.payment.support.Saga;
import io.orderflow.testinfra.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/payments} over HTTP, as operators call it: the payment and attempt
 * shapes, money with two decimals, problem details for what is not there or not valid,
 * nothing for anybody else; and the actuator's view of the provider's circuit.
 */
@PaymentFlowTest
class PaymentApiIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.shared();

	@LocalServerPort
	int port;

	@Autowired
	Saga saga;

	@Test
	void listsTheOrdersPaymentWithMoneyInTwoDecimals() throws Exception {
		String orderId = UUID.randomUUID().toString();
		this.saga.send(new ChargePayment(orderId, "c-7", new java.math.BigDecimal("10"), "usd", "tok_visa"));
		PaymentCharged charged = this.saga.awaitEvent(orderId, PaymentCharged.class);

		HttpResponse<String> response = get("/api/v1/payments?orderId=" + orderId);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"amount\":10.00", "\"refundedAmount\":0.00");
		JsonNode payment = this.json.readTree(response.body()).get("items").get(0);
		assertThat(payment.get("paymentId").asString()).isEqualTo(charged.paymentId());
		assertThat(payment.get("orderId").asString()).isEqualTo(orderId);
		assertThat(payment.get("customerId").asString()).isEqualTo("c-7");
		assertThat(payment.get("status").asString()).isEqualTo("CHARGED");
		assertThat(payment.get("currency").asString()).isEqualTo("USD");
		assertThat(payment.get("providerChargeId").asString()).isEqualTo(charged.providerChargeId());
		assertThat(payment.get("providerRefundId").isNull()).isTrue();
		assertThat(payment.get("declineReason").isNull()).isTrue();
		assertThat(payment.has("createdAt")).isTrue();
		assertThat(payment.has("updatedAt")).isTrue();
	}

	@Test
	void listsNoPaymentForAnOrderWithout() throws Exception {
		HttpResponse<String> response = get("/api/v1/payments?orderId=" + UUID.randomUUID());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("items").isEmpty()).isTrue();
	}

	@Test
	void showsAPaymentAndItsAttempts() throws Exception {
		String orderId = UUID.randomUUID().toString();
		this.saga.send(new ChargePayment(orderId, "c-1", new java.math.BigDecimal("44.99"), "EUR", "tok_visa"));
		PaymentCharged charged = this.saga.awaitEvent(orderId, PaymentCharged.class);
		this.saga.send(new RefundPayment(orderId, "TIMEOUT"));
		this.saga.awaitEvents(orderId, 2);

		JsonNode payment = this.json.readTree(get("/api/v1/payments/" + charged.paymentId()).body());
		JsonNode attempts = this.json.readTree(get("/api/v1/payments/" + charged.paymentId() + "/attempts").body())
			.get("items");

		assertThat(payment.get("status").asString()).isEqualTo("REFUNDED");
		assertThat(payment.get("refundedAmount").decimalValue()).isEqualByComparingTo("44.99");
		assertThat(attempts).hasSize(2);
		assertThat(attempts.get(0).get("operation").asString()).isEqualTo("CHARGE");
		assertThat(attempts.get(0).get("idempotencyKey").asString()).isEqualTo(orderId);
		assertThat(attempts.get(0).get("outcome").asString()).isEqualTo("SUCCEEDED");
		assertThat(attempts.get(0).get("httpStatus").asInt()).isEqualTo(200);
		assertThat(attempts.get(0).get("providerReference").asString()).isEqualTo(charged.providerChargeId());
		assertThat(attempts.get(0).has("durationMs")).isTrue();
		assertThat(attempts.get(1).get("operation").asString()).isEqualTo("REFUND");
		assertThat(attempts.get(1).get("idempotencyKey").asString()).isEqualTo("refund-" + orderId);
	}

	@Test
	void showsATombstoneAsRefundedWithNothing() throws Exception {
		String orderId = UUID.randomUUID().toString();
		this.saga.send(new RefundPayment(orderId, "TIMEOUT"));
		PaymentRefunded refunded = this.saga.awaitEvent(orderId, PaymentRefunded.class);

		HttpResponse<String> response = get("/api/v1/payments/" + refunded.paymentId());

		assertThat(response.body()).contains("\"status\":\"REFUNDED\"", "\"amount\":0.00", "\"currency\":null");
	}

	@Test
	void answersAnUnknownPaymentWithProblemDetails() throws Exception {
		UUID unknown = UUID.randomUUID();

		HttpResponse<String> response = get("/api/v1/payments/" + unknown);
		HttpResponse<String> attempts = get("/api/v1/payments/" + unknown + "/attempts");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("code").asString()).isEqualTo("PAYMENT_NOT_FOUND");
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("detail").asString()).contains(unknown.toString());
		assertThat(problem.has("requestId")).isTrue();
		assertThat(attempts.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(attempts.body()).get("code").asString()).isEqualTo("PAYMENT_NOT_FOUND");
	}

	@Test
	void answersAMalformedIdOrAMissingOrderWithBadRequest() throws Exception {
		HttpResponse<String> malformed = get("/api/v1/payments/not-a-uuid");
		HttpResponse<String> missing = get("/api/v1/payments");

		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(malformed.body()).get("code").asString()).isEqualTo("INVALID_PARAMETER");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.json.readTree(missing.body()).get("code").asString()).isEqualTo("MISSING_PARAMETER");
	}

	@Test
	void reportsTheProvidersCircuitInHealthAndMetrics() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		HttpResponse<String> prometheus = get("/actuator/prometheus");

		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode provider = this.json.readTree(health.body()).get("components").get("paymentProvider");
		assertThat(provider.get("status").asString()).isEqualTo("UP");
		assertThat(provider.get("details").get("circuit").asString()).isEqualTo("CLOSED");
		HttpResponse<String> anonymous = get("/actuator/health", null);
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).as("details are for operators").doesNotContain("components", "circuit");
		assertThat(prometheus.body())
			.contains("resilience4j_circuitbreaker_state{name=\"paymentProvider\",state=\"closed\"} 1.0");
	}

	@Test
	void showsPaymentsToOperatorsOnly() throws Exception {
		String path = "/api/v1/payments?orderId=" + UUID.randomUUID();
		TestTokens.Token operator = TestTokens.token("ops-client", "orders:read", "admin");

		HttpResponse<String> client = get(path, TestTokens.bearer("demo-client", "orders:read", "orders:write",
				"products:read", "search", "notifications"));
		HttpResponse<String> anonymous = get(path, null);
		HttpResponse<String> expired = get(path, operator.expired().bearer());
		HttpResponse<String> forged = get(path, operator.signedByAForeignKey().bearer());

		assertThat(client.statusCode()).isEqualTo(403);
		assertThat(client.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.json.readTree(client.body()).get("code").asString()).isEqualTo("FORBIDDEN");
		for (HttpResponse<String> refused : List.of(anonymous, expired, forged)) {
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
			assertThat(this.json.readTree(refused.body()).get("code").asString()).isEqualTo("UNAUTHORIZED");
		}
		assertThat(get(path, operator.bearer()).statusCode()).isEqualTo(200);
	}

	@Test
	void letsProbesAndScrapersInWithoutAToken() throws Exception {
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
	}

	/** As an operator, the only client the payments API serves. */
	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, TestTokens.bearer("ops-client", "admin"));
	}

	private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
