package io.orderflow.auth;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a client-credentials token request and, when it names no scope, asks for every
 * scope the client is registered with. Without this the grant issues a token with no
 * scope at all (RFC 6749 §3.3 leaves the default to the server), useless at the gateway
 * and a surprise to anyone calling {@code curl -u demo-client:demo-secret}.
 */
class AllScopesByDefault implements AuthenticationConverter {

	private final AuthenticationConverter request = new OAuth2ClientCredentialsAuthenticationConverter();

	@Override
	public Authentication convert(HttpServletRequest httpRequest) {
		Authentication converted = this.request.convert(httpRequest);
		if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
				&& token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
				&& client.getRegisteredClient() != null) {
			return new OAuth2ClientCredentialsAuthenticationToken(client, client.getRegisteredClient().getScopes(),
					token.getAdditionalParameters());
		}
		return converted;
	}

}
