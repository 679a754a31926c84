package io.orderflow.gateway.edge;

import io.micrometer.context.ContextRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.gateway.GatewayProperties;
import org.slf4j.MDC;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	@Bean
	RequestIds requestIds() {
		// With spring.reactor.context-propagation=auto, Reactor copies the request id
		// from
		// its context into the log context wherever an operator runs.
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(RequestIds.MDC_KEY, () -> MDC.get(RequestIds.MDC_KEY),
					(requestId) -> MDC.put(RequestIds.MDC_KEY, requestId), () -> MDC.remove(RequestIds.MDC_KEY));
		return new RequestIds();
	}

	@Bean
	RequestSizeLimit requestSizeLimit(GatewayProperties properties) {
		return new RequestSizeLimit(properties.maxRequestSize().toBytes());
	}

	@Bean
	RejectionMetrics rejectionMetrics(MeterRegistry registry, RouteLocator routes) {
		return new RejectionMetrics(registry, routes);
	}

}
