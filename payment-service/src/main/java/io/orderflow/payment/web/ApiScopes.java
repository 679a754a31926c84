package io.orderflow.payment.web;

import io.orderflow.web.security.ApiAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scope each endpoint of the payments API needs. The gateway checks the same per
 * route; this service checks again so a request that reaches it another way meets the
 * same rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiScopes {

	@Bean
	ApiAccess apiAccess() {
		// Payments and their provider attempts are for operators: a client learns how its
		// order was paid from the order.
		return ApiAccess.rules().require("/api/v1/payments/**", "admin");
	}

}
