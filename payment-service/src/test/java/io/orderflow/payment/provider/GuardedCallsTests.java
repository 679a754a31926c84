package io.orderflow.payment.provider;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.orderflow.payment.PaymentProperties;
import io.orderflow.payment.domain.PaymentAttempt;
import io.orderflow.payment.domain.PaymentAttempt.Operation;
import io.orderflow.payment.domain.PaymentAttempt.Outcome;
import io.orderflow.payment.domain.PaymentAttempts;
import io.orderflow.payment.domain.ProviderUnavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Resilience4j guards as configured by {@link ProviderConfiguration}, around calls
 * that fail on demand: what is retried, what counts against the circuit, what each try
 * leaves in the attempt log.
 */
class GuardedCallsTests {

	private static final PaymentProperties PROPERTIES = new PaymentProperties(new PaymentProperties.Provider(
			URI.create("http://127.0.0.1:1"), Duration.ofMillis(100), Duration.ofMillis(200),
			new PaymentProperties.Retry(3, Duration.ofMillis(10), 2, 0.5, Duration.ofMillis(40)),
			new PaymentProperties.CircuitBreaker(50, 4, 4, Duration.ofSeconds(30), 2),
			new PaymentProperties.Bulkhead(1, Duration.ZERO)));

	private final ProviderConfiguration configuration = new ProviderConfiguration();

	private final RecordedAttempts attempts = new RecordedAttempts();

	private final CircuitBreaker circuitBreaker = this.configuration
		.providerCircuitBreaker(this.configuration.providerCircuitBreakers(PROPERTIES));

	private final GuardedCalls calls = new GuardedCalls(
			this.configuration.providerRetry(this.configuration.providerRetries(PROPERTIES)), this.circuitBreaker,
			this.configuration.providerTimeLimiter(this.configuration.providerTimeLimiters(PROPERTIES)),
			this.configuration.providerBulkhead(this.configuration.providerBulkheads(PROPERTIES)), this.attempts,
			Clock.systemUTC());

	private final AtomicInteger sent = new AtomicInteger();

	@AfterEach
	void close() {
		this.calls.close();
	}

	@Test
	void retriesAServerErrorAndRecordsEveryTry() {
		assertThatExceptionOfType(ProviderServerError.class).isThrownBy(() -> this.calls.call(charge(() -> {
			this.sent.incrementAndGet();
			throw new ProviderServerError(500, new ProviderApi.Error("api_error", null, null, "boom", null));
		})));

		assertThat(this.sent).hasValue(3);
		assertThat(this.attempts.outcomes()).containsExactly(Outcome.PROVIDER_ERROR, Outcome.PROVIDER_ERROR,
				Outcome.PROVIDER_ERROR);
		assertThat(this.attempts.recorded).allSatisfy((attempt) -> {
			assertThat(attempt.httpStatus()).isEqualTo(500);
			assertThat(attempt.idempotencyKey()).isEqualTo("order-1");
		});
	}

	@Test
	void retriesThrottlingWithoutCountingItAgainstTheProvider() {
		assertThatExceptionOfType(ProviderServerError.class).isThrownBy(() -> this.calls.call(charge(() -> {
			this.sent.incrementAndGet();
			throw new ProviderServerError(429, null);
		})));

		assertThat(this.sent).hasValue(3);
		assertThat(this.attempts.outcomes()).containsOnly(Outcome.THROTTLED);
		assertThat(this.circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void neverRetriesAnAnswerBelow500() {
		ProviderResponse<ProviderApi.Charge> response = this.calls.call(charge(() -> {
			this.sent.incrementAndGet();
			return ProviderResponse.refused(402,
					new ProviderApi.Error("card_error", "card_declined", "generic_decline", "Declined", "ch_2"));
		}));

		assertThat(response.status()).isEqualTo(402);
		assertThat(this.sent).hasValue(1);
		assertThat(this.attempts.recorded).singleElement().satisfies((attempt) -> {
			assertThat(attempt.outcome()).isEqualTo(Outcome.DECLINED);
			assertThat(attempt.providerReference()).isEqualTo("ch_2");
			assertThat(attempt.error()).contains("card_declined");
		});
		assertThat(this.circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void givesUpOnASlowCallAndReportsItsOutcomeUnknown() {
		long started = System.nanoTime();

		assertThatExceptionOfType(ProviderUnavailable.class).isThrownBy(() -> this.calls.call(charge(() -> {
			this.sent.incrementAndGet();
			Thread.sleep(5000);
			return ProviderResponse.success(200, null);
		}))).withMessageContaining("TIMEOUT");

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.sent).hasValue(3);
		assertThat(this.attempts.outcomes()).containsExactly(Outcome.TIMEOUT, Outcome.TIMEOUT, Outcome.TIMEOUT);
	}

	@Test
	void aRefusedConnectionIsRetriedAndReportedUnreachable() {
		assertThatExceptionOfType(ProviderUnavailable.class).isThrownBy(() -> this.calls.call(charge(() -> {
			this.sent.incrementAndGet();
			throw new ResourceAccessException("I/O error", new ConnectException("Connection refused"));
		})));

		assertThat(this.sent).hasValue(3);
		assertThat(this.attempts.outcomes()).containsOnly(Outcome.UNREACHABLE);
	}

	@Test
	void theCircuitOpensWhenTheProviderStopsAnsweringStopsTheRetriesAndThenRefusesWithoutCalling() {
		assertThatExceptionOfType(ProviderUnavailable.class).isThrownBy(() -> this.calls.call(charge(() -> {
			throw new ResourceAccessException("I/O error", new ConnectException("Connection refused"));
		})));
		assertThatExceptionOfType(ProviderUnavailable.class).isThrownBy(() -> this.calls.call(charge(() -> {
			throw new ResourceAccessException("I/O error", new ConnectException("Connection refused"));
		})));
		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(this.attempts.outcomes()).containsExactly(Outcome.UNREACHABLE, Outcome.UNREACHABLE,
				Outcome.UNREACHABLE, Outcome.UNREACHABLE, Outcome.CIRCUIT_OPEN);
		this.attempts.recorded.clear();

		assertThatExceptionOfType(ProviderUnavailable.class).isThrownBy(() -> this.calls.call(charge(() -> {
			this.sent.incrementAndGet();
			return ProviderResponse.success(200, null);
		}))).withMessageContaining("CIRCUIT_OPEN");

		assertThat(this.sent).hasValue(0);
		assertThat(this.attempts.outcomes()).containsExactly(Outcome.CIRCUIT_OPEN);
	}

	@Test
	void serverErrorsNeverOpenTheCircuitForOtherOrders() {
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(ProviderServerError.class).isThrownBy(() -> this.calls.call(charge(() -> {
				throw new ProviderServerError(500, new ProviderApi.Error("api_error", null, null, "boom", null));
			})));
		}

		assertThat(this.circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(this.calls.call(charge(() -> ProviderResponse.success(200, null))).status()).isEqualTo(200);
	}

	@Test
	void aFullBulkheadRefusesWithoutCountingAgainstTheProvider() throws Exception {
		CountDownLatch inFlight = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<ProviderResponse<ProviderApi.Charge>> first = CompletableFuture
			.supplyAsync(() -> this.calls.call(new GuardedCalls.Call<>(Operation.CHARGE, "order-0", "order-0", () -> {
				inFlight.countDown();
				release.await(2, TimeUnit.SECONDS);
				return ProviderResponse.success(200, null);
			}, (charge) -> null, false)));
		assertThat(inFlight.await(2, TimeUnit.SECONDS)).isTrue();

		assertThatExceptionOfType(ProviderUnavailable.class)
			.isThrownBy(() -> this.calls.call(charge(() -> ProviderResponse.success(200, null))))
			.withMessageContaining("BULKHEAD_FULL");
		release.countDown();

		assertThat(first.get(2, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(this.attempts.recorded).filteredOn((attempt) -> attempt.orderId().equals("order-1"))
			.extracting(PaymentAttempt::outcome)
			.containsExactly(Outcome.BULKHEAD_FULL);
		assertThat(this.circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void aLookUpThatFindsNothingIsRecordedNotFound() {
		this.calls.call(new GuardedCalls.Call<>(Operation.CHARGE_LOOKUP, "order-1", "order-1",
				() -> ProviderResponse.success(200, new ProviderApi.Listing<ProviderApi.Charge>(List.of())),
				(listing) -> null, true));

		assertThat(this.attempts.outcomes()).containsExactly(Outcome.NOT_FOUND);
	}

	private static GuardedCalls.Call<ProviderApi.Charge> charge(
			java.util.concurrent.Callable<ProviderResponse<ProviderApi.Charge>> http) {
		return new GuardedCalls.Call<>(Operation.CHARGE, "order-1", "order-1", http,
				(charge) -> (charge != null) ? charge.id() : null, false);
	}

	private static final class RecordedAttempts implements PaymentAttempts {

		final List<PaymentAttempt> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void record(PaymentAttempt attempt) {
			this.recorded.add(attempt);
		}

		@Override
		public List<PaymentAttempt> forOrder(String orderId) {
			return new ArrayList<>(this.recorded);
		}

		@Override
		public boolean anyFor(String orderId, Operation operation) {
			return !this.recorded.isEmpty();
		}

		List<Outcome> outcomes() {
			return this.recorded.stream().map(PaymentAttempt::outcome).toList();
		}

	}

}
