package io.orderflow.order.web;

import io.orderflow.web.security.ApiAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * The scope each endpoint of the orders API needs. The gateway checks the same per route;
 * this service checks again so a request that reaches it another way meets the same
 * rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiScopes {

	@Bean
	ApiAccess apiAccess() {
		// First match wins: the operator's action under /orders before the rule for
		// every read there.
		return ApiAccess.rules()
			.require(POST, "/api/v1/orders/*/saga/resume", "admin")
			.require(POST, "/api/v1/orders", "orders:write")
			.require(GET, "/api/v1/orders/**", "orders:read");
	}

}
