package io.orderflow.gateway.security;

import java.util.List;

import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.problem.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	/**
	 * Sent on plain HTTP too: browsers ignore it there, and behind a TLS-terminating
	 * proxy the gateway cannot tell.
	 */
	private static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses responses,
			CorsConfigurationSource corsConfigurationSource) {
		ProblemAuthenticationEntryPoint unauthenticated = new ProblemAuthenticationEntryPoint(responses);
		ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler(responses);
		// Bearer tokens only: no session, no cookies, so nothing for CSRF to forge.
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.cors(ServerHttpSecurity.CorsSpec::disable)
			.addFilterAt(new ProblemCorsFilter(corsConfigurationSource, responses), SecurityWebFiltersOrder.CORS)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
				.writer(StaticServerHttpHeadersWriter.builder()
					.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
					.build()))
			.authorizeExchange(AccessRules::apply)
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
			.build();
	}

	/** CORS is answered here only, so the services never add a second set of headers. */
	@Bean
	CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(
				List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key", "X-Request-ID"));
		cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, "X-Request-ID", HttpHeaders.RETRY_AFTER,
				"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Replenish-Rate",
				"X-RateLimit-Burst-Capacity", "X-RateLimit-Requested-Tokens"));
		cors.setMaxAge(properties.cors().maxAge());
		// Tokens travel in a header, never in cookies.
		cors.setAllowCredentials(false);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}

}
