package io.orderflow.inventory.web;

import io.orderflow.web.security.ApiAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * The scope each endpoint of the inventory API needs. The gateway checks the same per
 * route; this service checks again so a request that reaches it another way meets the
 * same rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiScopes {

	@Bean
	ApiAccess apiAccess() {
		// Clients read the catalogue; changing it, and the per-order reservations, are
		// operators' business.
		return ApiAccess.rules()
			.require(GET, "/api/v1/products/**", "products:read")
			.require(POST, "/api/v1/products", "admin")
			.require(PUT, "/api/v1/products/**", "admin")
			.require("/api/v1/reservations/**", "admin");
	}

}
