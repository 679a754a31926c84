package io.orderflow.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The authorization server's settings.
 *
 * @param issuer the {@code iss} of every token and the base of the metadata endpoints
 * @param keyFile the JWK JSON file holding the RSA signing key; kept so that a restart
 * does not invalidate the tokens already issued
 * @param generateKey whether a missing key file is created with a new key rather than
 * failing the start
 * @param accessTokenTimeToLive how long an access token is valid
 * @param clients the registered clients
 */
@ConfigurationProperties("orderflow.auth")
public record AuthProperties(@DefaultValue("http://127.0.0.1:9000") URI issuer, Path keyFile,
		@DefaultValue("false") boolean generateKey, @DefaultValue("15m") Duration accessTokenTimeToLive,
		@DefaultValue List<Client> clients) {

	/**
	 * A client allowed the client-credentials grant.
	 *
	 * @param id the client id
	 * @param secret the raw secret, hashed at start
	 * @param scopes the scopes it may request; all of them when it asks for none
	 */
	public record Client(String id, String secret, Set<String> scopes) {

		public Client {
			scopes = (scopes != null) ? Set.copyOf(scopes) : Set.of();
		}

	}

}
