package io.orderflow.auth;

import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.orderflow.auth.keys.SigningKeyFile;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The client-credentials authorization server: the OAuth2 endpoints in one filter chain,
 * actuator health and info open in another, everything else refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
class AuthorizationServerConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server,
					(endpoints) -> endpoints
						.tokenEndpoint((token) -> token.accessTokenRequestConverter(new AllScopesByDefault())))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.csrf((csrf) -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/info")
			.permitAll()
			.anyRequest()
			.denyAll()).csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
		return new ImmutableJWKSet<>(
				new JWKSet(new SigningKeyFile(properties.keyFile(), properties.generateKey()).load()));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The configured clients, secrets hashed (bcrypt) before they are held. The defaults
	 * in application.yml are for the local stack only; real deployments pass secrets
	 * through environment variables (ORDERFLOW_AUTH_CLIENTS_0_SECRET, ...).
	 */
	@Bean
	RegisteredClientRepository registeredClients(AuthProperties properties, PasswordEncoder passwordEncoder) {
		List<RegisteredClient> clients = properties.clients()
			.stream()
			.map((client) -> registeredClient(client, properties, passwordEncoder))
			.toList();
		if (clients.isEmpty()) {
			throw new IllegalStateException("No clients configured under orderflow.auth.clients");
		}
		return new InMemoryRegisteredClientRepository(clients);
	}

	private static RegisteredClient registeredClient(AuthProperties.Client client, AuthProperties properties,
			PasswordEncoder passwordEncoder) {
		return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.id().getBytes()).toString())
			.clientId(client.id())
			.clientSecret(passwordEncoder.encode(client.secret()))
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes((scopes) -> scopes.addAll(client.scopes()))
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(properties.accessTokenTimeToLive())
				.build())
			.build();
	}

	@Bean
	OAuth2AuthorizationService authorizationService() {
		return new UnrecordedAuthorizations();
	}

}
