package io.orderflow.search;

import io.orderflow.web.security.ApiAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.GET;

/**
 * The scope each endpoint of the search API needs. The gateway checks the same per route;
 * this service checks again so a request that reaches it another way meets the same
 * rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiScopes {

	@Bean
	ApiAccess apiAccess() {
		// Clients only read the projection; the reindex, started or looked at, and
		// anything else under /search is operators' business.
		return ApiAccess.rules()
			.require("/api/v1/search/reindex/**", "admin")
			.require(GET, "/api/v1/search/**", "search")
			.require("/api/v1/search/**", "admin");
	}

}
