package io.orderflow.web.security;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The API client a request comes from, as its access token says: a controller declares a
 * parameter of this type to get it.
 *
 * @param id the client id, the token's {@code sub} (for client-credentials tokens the
 * client itself, e.g. {@code demo-client})
 * @param scopes the token's scopes
 */
public record CurrentClient(String id, Set<String> scopes) {

	/** The operators' scope: dead letters, parked sagas, reindexing, everybody's data. */
	public static final String ADMIN_SCOPE = "admin";

	private static final String SCOPE_PREFIX = "SCOPE_";

	public CurrentClient {
		Objects.requireNonNull(id, "id");
		scopes = Set.copyOf(scopes);
	}

	/**
	 * The client of an authenticated request.
	 * @throws IllegalStateException when the request is not authenticated: a controller
	 * that asks for the client must not be reachable without a token
	 */
	public static CurrentClient of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			throw new IllegalStateException("No authenticated client: is the endpoint open to anonymous requests?");
		}
		Set<String> scopes = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(SCOPE_PREFIX))
			.map((authority) -> authority.substring(SCOPE_PREFIX.length()))
			.collect(Collectors.toUnmodifiableSet());
		return new CurrentClient(authentication.getName(), scopes);
	}

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	public boolean isAdmin() {
		return hasScope(ADMIN_SCOPE);
	}

}
