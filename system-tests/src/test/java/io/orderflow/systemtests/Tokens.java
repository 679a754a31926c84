package io.orderflow.systemtests;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tokens as a client of the stack gets them: the client-credentials grant at the
 * gateway's {@code /oauth2/token}, one token per client, renewed a minute before it
 * expires.
 */
public final class Tokens {

	/** The shop's client: orders, product reads, search, notifications. */
	public static final Client DEMO = new Client("demo-client", "demo-secret");

	/** The operator's client: everything the shop may, plus {@code admin}. */
	public static final Client OPS = new Client("ops-client", "ops-secret");

	private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

	private final String tokenUrl;

	private final Map<Client, Token> tokens = new ConcurrentHashMap<>();

	/**
	 * @param baseUrl where {@code /oauth2/token} is: the gateway, or the auth-server
	 * itself for a stack without a gateway
	 */
	public Tokens(String baseUrl) {
		this.tokenUrl = baseUrl + "/oauth2/token";
	}

	/** An {@code Authorization} header value for the client. */
	public String bearer(Client client) {
		Token token = this.tokens.compute(client,
				(key, held) -> (held != null && held.validAtLeast(RENEW_BEFORE_EXPIRY)) ? held : issue(key));
		return "Bearer " + token.value();
	}

	private Token issue(Client client) {
		String basic = Base64.getEncoder()
			.encodeToString((client.id() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = Http.form(this.tokenUrl, "grant_type=client_credentials", "Authorization",
				"Basic " + basic);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Number expiresIn = JsonPath.read(response.body(), "$.expires_in");
		return new Token(JsonPath.read(response.body(), "$.access_token"),
				Instant.now().plusSeconds(expiresIn.longValue()));
	}

	public record Client(String id, String secret) {
	}

	private record Token(String value, Instant expiresAt) {

		boolean validAtLeast(Duration margin) {
			return Instant.now().plus(margin).isBefore(this.expiresAt);
		}

	}

}
