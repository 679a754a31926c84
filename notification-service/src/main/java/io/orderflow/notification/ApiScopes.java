package io.orderflow.notification;

import io.orderflow.web.security.ApiAccess;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scope each endpoint of the notifications API needs. The gateway checks the same per
 * route; this service checks again so a request that reaches it another way meets the
 * same rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiScopes {

	@Bean
	ApiAccess apiAccess() {
		return ApiAccess.rules().require("/api/v1/notifications/**", "notifications");
	}

}
