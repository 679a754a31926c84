package io.orderflow.payment.provider;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.orderflow.payment.domain.PaymentAttempt;
import io.orderflow.payment.domain.PaymentAttempt.Operation;
import io.orderflow.payment.domain.PaymentAttempt.Outcome;
import io.orderflow.payment.domain.PaymentAttempts;
import io.orderflow.payment.domain.ProviderUnavailable;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * Runs provider calls under Resilience4j and records every try in the attempt log:
 *
 * <pre>
 * Retry ( record the try ( CircuitBreaker ( TimeLimiter ( Bulkhead ( HTTP call ) ) ) ) )
 * </pre>
 *
 * Resilience4j's own default order, for these reasons:
 * <ul>
 * <li>the retry is outermost, so each try passes the circuit breaker by itself: every
 * failed try counts towards opening it, and once it is open the retries stop at once (an
 * open circuit is not retried; the command is, later, by the listener);</li>
 * <li>a try is recorded just inside the retry: one row per try, including those the
 * breaker or the bulkhead refused without calling;</li>
 * <li>the time limiter is inside the breaker, so a timeout counts as a failure;</li>
 * <li>the bulkhead is innermost, on the thread making the HTTP call: its permit is held
 * exactly while a connection to the provider is in use (a timed-out call until its
 * cancellation lands), so it bounds the real load on the provider.</li>
 * </ul>
 * The HTTP call runs on a virtual thread of its own so the time limiter can abandon it
 * and interrupt it; the JDK HTTP client then cancels the exchange.
 */
final class GuardedCalls implements AutoCloseable {

	private final Retry retry;

	private final CircuitBreaker circuitBreaker;

	private final TimeLimiter timeLimiter;

	private final Bulkhead bulkhead;

	private final PaymentAttempts attempts;

	private final Clock clock;

	private final ExecutorService executor = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("payment-provider-", 0).factory());

	GuardedCalls(Retry retry, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, Bulkhead bulkhead,
			PaymentAttempts attempts, Clock clock) {
		this.retry = retry;
		this.circuitBreaker = circuitBreaker;
		this.timeLimiter = timeLimiter;
		this.bulkhead = bulkhead;
		this.attempts = attempts;
		this.clock = clock;
	}

	/**
	 * Whether a failure may pass: a 5xx or 429 answer, a timeout, an I/O failure. What
	 * the retry retries; never another 4xx, which is an answer.
	 */
	static boolean isRetryable(Throwable failure) {
		return failure instanceof ProviderServerError || failure instanceof TimeoutException
				|| failure instanceof ResourceAccessException;
	}

	/**
	 * Whether a failure says the provider is not answering: what the circuit breaker
	 * counts. Only a timeout or an I/O failure does. Any answer, a 5xx included, comes
	 * from a provider that works well enough to answer at once: a 5xx is retried and then
	 * declines that one charge. Counting it would let one request the provider always
	 * fails (a {@code tok_error} card) hold the circuit open for every other order: its
	 * command, retried while the circuit is open, fails again on every half-open trial,
	 * and no partition moves (the first system-test run showed exactly that livelock).
	 */
	static boolean isProviderFailure(Throwable failure) {
		return failure instanceof TimeoutException || failure instanceof ResourceAccessException;
	}

	/**
	 * The call's answer below 500, after retries.
	 * @throws ProviderServerError when the provider answered 5xx (or 429) on every try
	 * @throws ProviderUnavailable when no answer came: timeouts, I/O failures, an open
	 * circuit, a full bulkhead
	 */
	<T> ProviderResponse<T> call(Call<T> call) {
		try {
			return this.retry.executeCallable(() -> attempt(call));
		}
		catch (ProviderServerError ex) {
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderUnavailable("Interrupted while calling the provider", ex);
		}
		catch (TimeoutException | RestClientException | CallNotPermittedException | BulkheadFullException ex) {
			throw new ProviderUnavailable(call.operation() + " for order " + call.orderId() + ": no answer from the "
					+ "provider (" + outcomeOf(ex) + "): " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ProviderUnavailable(call.operation() + " for order " + call.orderId() + " failed: " + ex, ex);
		}
	}

	private <T> ProviderResponse<T> attempt(Call<T> call) throws Exception {
		Instant startedAt = this.clock.instant();
		long started = System.nanoTime();
		ProviderResponse<T> response;
		try {
			response = this.circuitBreaker.executeCallable(() -> this.timeLimiter
				.executeFutureSupplier(() -> this.executor.submit(() -> this.bulkhead.executeCallable(call.http()))));
		}
		catch (Exception ex) {
			try {
				record(call, outcomeOf(ex), (ex instanceof ProviderServerError server) ? server.status() : null, null,
						ex.toString(), startedAt, started);
			}
			catch (RuntimeException recordingFailure) {
				ex.addSuppressed(recordingFailure);
			}
			throw ex;
		}
		String reference = response.isSuccess() ? call.reference().apply(response.body())
				: (response.error() != null) ? response.error().charge() : null;
		record(call, outcomeOf(response, reference, call), response.status(), reference, errorOf(response), startedAt,
				started);
		return response;
	}

	private void record(Call<?> call, Outcome outcome, Integer status, String reference, String error,
			Instant startedAt, long started) {
		this.attempts.record(new PaymentAttempt(null, call.orderId(), call.operation(), call.idempotencyKey(), outcome,
				status, reference, error, startedAt, Duration.ofNanos(System.nanoTime() - started)));
	}

	private static Outcome outcomeOf(ProviderResponse<?> response, String reference, Call<?> call) {
		if (response.isSuccess()) {
			return (call.lookup() && reference == null) ? Outcome.NOT_FOUND : Outcome.SUCCEEDED;
		}
		return (response.status() == 402) ? Outcome.DECLINED : Outcome.REJECTED;
	}

	static Outcome outcomeOf(Throwable failure) {
		return switch (failure) {
			case ProviderServerError server -> server.isThrottling() ? Outcome.THROTTLED : Outcome.PROVIDER_ERROR;
			case TimeoutException timeout -> Outcome.TIMEOUT;
			case CallNotPermittedException open -> Outcome.CIRCUIT_OPEN;
			case BulkheadFullException full -> Outcome.BULKHEAD_FULL;
			case ResourceAccessException io -> switch (io.getCause()) {
				case HttpConnectTimeoutException connect -> Outcome.UNREACHABLE;
				case HttpTimeoutException timeout -> Outcome.TIMEOUT;
				case ConnectException refused -> Outcome.UNREACHABLE;
				case NoRouteToHostException noRoute -> Outcome.UNREACHABLE;
				case UnknownHostException unknown -> Outcome.UNREACHABLE;
				case null, default -> Outcome.IO_ERROR;
			};
			default -> Outcome.FAILED;
		};
	}

	private static String errorOf(ProviderResponse<?> response) {
		ProviderApi.Error error = response.error();
		if (error == null) {
			return null;
		}
		return error.type() + "/" + error.code() + ((error.declineCode() != null) ? "/" + error.declineCode() : "")
				+ ": " + error.message();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	/**
	 * One call: what is done, for which order, with which key, and how to name what the
	 * answer holds.
	 *
	 * @param http the HTTP exchange itself
	 * @param reference the id of the charge or refund in a 2xx body, none if it holds
	 * none
	 * @param lookup whether this only reads (an empty answer is then
	 * {@link Outcome#NOT_FOUND})
	 */
	record Call<T>(Operation operation, String orderId, String idempotencyKey, Callable<ProviderResponse<T>> http,
			Function<T, String> reference, boolean lookup) {

	}

}
