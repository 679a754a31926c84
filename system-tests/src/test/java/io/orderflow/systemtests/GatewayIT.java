package io.orderflow.systemtests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.orderflow.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the only door in: tokens from the auth-server through it, every
 * {@code /api} call refused without one or without the scope, and the request id a client
 * sends reaching the service and coming back.
 */
@ExtendWith(SystemStack.class)
class GatewayIT {

	@Test
	void handsOutAFifteenMinuteTokenWithTheClientsScopes(LocalStack stack) {
		String basic = Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> response = Http.form(stack.url("gateway") + "/oauth2/token",
				"grant_type=client_credentials", "Authorization", "Basic " + basic);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(response.body(), "$.expires_in")).isBetween(890, 900);
		String payload = new String(
				Base64.getUrlDecoder().decode(JsonPath.<String>read(response.body(), "$.access_token").split("\\.")[1]),
				StandardCharsets.UTF_8);
		assertThat(JsonPath.<List<String>>read(payload, "$.scope")).contains("orders:read", "orders:write")
			.doesNotContain("admin");
	}

	@Test
	void refusesAnApiCallWithoutATokenWithAProblem(LocalStack stack) {
		HttpResponse<String> response = Http.get(stack.url("gateway") + "/api/v1/products");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		assertThat(JsonPath.<Integer>read(response.body(), "$.status")).isEqualTo(401);
	}

	@Test
	void refusesTheShopsClientWhatNeedsTheOperatorsScope(LocalStack stack) {
		Shop shop = new Shop(stack);

		HttpResponse<String> shopAsksForPayments = Http.get(shop.url("/api/v1/payments?orderId=" + UUID.randomUUID()),
				shop.as(Tokens.DEMO));
		HttpResponse<String> operatorAsks = Http.get(shop.url("/api/v1/payments?orderId=" + UUID.randomUUID()),
				shop.as(Tokens.OPS));

		assertThat(shopAsksForPayments.statusCode()).isEqualTo(403);
		assertThat(JsonPath.<Integer>read(shopAsksForPayments.body(), "$.status")).isEqualTo(403);
		assertThat(operatorAsks.statusCode()).as(operatorAsks.body()).isEqualTo(200);
	}

	@Test
	void carriesTheClientsRequestIdToTheServiceAndBack(LocalStack stack) {
		Shop shop = new Shop(stack);
		String requestId = "system-test-" + UUID.randomUUID();
		String[] headers = { "X-Request-ID", requestId, shop.as(Tokens.DEMO)[0], shop.as(Tokens.DEMO)[1] };

		HttpResponse<String> response = Http.get(shop.url("/api/v1/products/NO-SUCH-SKU"), headers);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(response.headers().firstValue("X-Request-ID")).hasValue(requestId);
		// The problem is inventory-service's own, so the id crossed the gateway.
		assertThat(JsonPath.<String>read(response.body(), "$.code")).isEqualTo("PRODUCT_NOT_FOUND");
		assertThat(JsonPath.<String>read(response.body(), "$.requestId")).isEqualTo(requestId);
	}

}
