package io.orderflow.search;

import java.net.http.HttpClient;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;

/**
 * How the reindex reaches the source services: by discovery name through the load
 * balancer, with a client-credentials token of this service's own client. The client is
 * kept out of Spring's registration beans, which would also set up request-bound OAuth2
 * machinery this service has no use for.
 */
@Configuration(proxyBeanMethods = false)
class SourceClientConfiguration {

	static final String REGISTRATION = "search-service";

	/**
	 * Only for injection points that ask for it by {@code @LoadBalanced}: the Eureka
	 * client takes any {@code RestClient.Builder} it finds for its own calls, which must
	 * not go through the load balancer.
	 */
	@Bean(defaultCandidate = false)
	@LoadBalanced
	RestClient.Builder sourceRestClientBuilder() {
		return RestClient.builder();
	}

	@Bean
	SourceServices sourceServices(@LoadBalanced RestClient.Builder sourceRestClientBuilder,
			SearchProperties properties) {
		SearchProperties.Sources sources = properties.sources();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(sources.timeout()).build());
		requestFactory.setReadTimeout(sources.timeout());
		RestClient client = sourceRestClientBuilder.clone()
			.requestFactory(requestFactory)
			.requestInterceptor(tokens(sources.client()))
			.build();
		return new SourceServices(client, sources.orders(), sources.products(), properties.reindex().pageSize());
	}

	private static OAuth2ClientHttpRequestInterceptor tokens(SearchProperties.Client client) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(client.id())
			.clientSecret(client.secret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(client.tokenUri().toString())
			.scope(client.scopes())
			.build();
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
		manager
			.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		interceptor.setClientRegistrationIdResolver((request) -> REGISTRATION);
		// The service itself, not a user: the reindex runs on a thread of its own.
		Authentication service = new AnonymousAuthenticationToken(REGISTRATION, REGISTRATION,
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		interceptor.setPrincipalResolver((request) -> service);
		return interceptor;
	}

}
