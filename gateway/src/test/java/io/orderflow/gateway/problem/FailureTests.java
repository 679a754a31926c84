package io.orderflow.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderflow.gateway.edge.RequestTooLarge;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTests {

	@Test
	void anOpenBreakerIsAServiceUnavailable() {
		Failure failure = Failure.of(
				CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("order-service")),
				"order-service");

		assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(failure.code()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(failure.detail()).startsWith("order-service is failing");
	}

	@Test
	void aFullBulkheadIsAServiceUnavailable() {
		Failure failure = Failure.of(
				BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("order-service")),
				"order-service");

		assertThat(failure.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(failure.unexpected()).isFalse();
		assertThat(failure.detail()).startsWith("order-service has too many requests in flight");
	}

	@Test
	void aRefusedConnectionOrNoInstanceIsAServiceUnavailable() {
		assertThat(Failure.of(new ConnectException("Connection refused"), "order-service").detail())
			.isEqualTo("order-service is unavailable.");
		assertThat(Failure.of(NotFoundException.create(false, "Unable to find instance"), "order-service").code())
			.isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void aTimeoutIsAGatewayTimeout() {
		assertThat(
				Failure.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer"), "x").code())
			.isEqualTo("GATEWAY_TIMEOUT");
		assertThat(Failure.of(new TimeoutException(), "order-service").detail())
			.isEqualTo("order-service did not answer in time.");
	}

	@Test
	void aRefusedRequestKeepsItsStatus() {
		assertThat(Failure.of(new RequestTooLarge(65536), "order-service"))
			.isEqualTo(new Failure(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
					"The request body is larger than 65536 bytes.", false));
		assertThat(Failure
			.of(HttpClientErrorException.create(HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests", new HttpHeaders(),
					null, null), "order-service")
			.code()).isEqualTo("RATE_LIMITED");
	}

	@Test
	void anythingElseIsTheGatewaysOwnFaultAndSaysNothingOfIt() {
		Failure failure = Failure.of(new IllegalStateException("secret internals"), "order-service");

		assertThat(failure.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(failure.unexpected()).isTrue();
		assertThat(failure.detail()).doesNotContain("secret");
	}

	@Test
	void anIoFailureWrappedByTheClientIsAServiceUnavailable() {
		assertThat(
				Failure.of(new IllegalStateException(new IOException("Connection prematurely closed")), "x").status())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

}
