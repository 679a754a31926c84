package io.orderflow.gateway.edge;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.gateway.GatewayProperties;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

	@Bean
	RequestIds requestIds() {
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
