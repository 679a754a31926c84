package io.orderflow.provider;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Makes the provider flaky on demand, so system tests can exercise payment-service's
 * retries and circuit breaker without changing the tokens of their orders. Only requests
 * that move money suffer; the listings stay reliable, so a test can always count what the
 * provider holds. An injected failure happens before the ledger sees the request: nothing
 * is charged or recorded, and a retry with the same key may succeed.
 */
@Component
class FaultInjection implements HandlerInterceptor {

	private volatile Faults faults = Faults.NONE;

	Faults faults() {
		return this.faults;
	}

	void set(Faults faults) {
		this.faults = faults;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws InterruptedException {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			return true;
		}
		Faults current = this.faults;
		if (current.latencyMs() > 0) {
			Thread.sleep(current.latencyMs());
		}
		if (ThreadLocalRandom.current().nextDouble() < current.failureRate()) {
			throw ProviderException.fault("An injected fault (failureRate " + current.failureRate() + ").");
		}
		return true;
	}

}
