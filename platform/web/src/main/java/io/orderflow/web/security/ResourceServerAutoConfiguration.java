package io.orderflow.web.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service an OAuth2 resource server that validates every request's JWT
 * itself: zero trust, so a request that bypasses the gateway (or a gateway
 * misconfiguration) meets the same checks. The token is verified against
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and its {@code iss}
 * against {@code ...jwt.issuer-uri}; with both set, Spring Boot fetches the key set only
 * and no issuer metadata.
 * <p>
 * Runs before Spring Boot's own web security so that its default filter chains (form
 * login, a generated password) never appear.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		OAuth2ResourceServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.SERVLET)
public final class ResourceServerAutoConfiguration {

	/**
	 * Open to probes and scrapers, which carry no token: none of it is a client's data.
	 * {@code /**} also matches {@code /actuator/health} itself.
	 */
	static final String[] OPEN_PATHS = { "/actuator/health/**", "/actuator/info", "/actuator/prometheus" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain resourceServerFilterChain(HttpSecurity http, ObjectProvider<ApiAccess> access,
			SecurityProblems problems) throws Exception {
		http.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// CSRF rides on credentials a browser attaches by itself, cookies. A bearer
			// token is sent only by code that holds it, and these services set no cookie
			// and keep no session, so there is nothing to forge.
			.csrf(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests((requests) -> {
				// An error dispatch renders an error already decided (a 413 refused
				// before the token was read): authorizing it again makes it a 401.
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				requests.requestMatchers(OPEN_PATHS).permitAll();
				access.getIfAvailable(ApiAccess::rules).applyTo(requests);
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	@Bean
	SecurityProblems securityProblems(ObjectProvider<JsonMapper> jsonMapper) {
		return new SecurityProblems(jsonMapper.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	WebMvcConfigurer currentClientParameter() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentClientArgumentResolver());
			}

		};
	}

}
