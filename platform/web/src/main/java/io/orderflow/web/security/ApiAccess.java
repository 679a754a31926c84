package io.orderflow.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which scope each endpoint of a service needs: the one place a service states it,
 * declared as a bean.
 *
 * <pre class="code">
 * &#64;Bean
 * ApiAccess apiAccess() {
 *     return ApiAccess.rules()
 *         .require(POST, "/api/v1/orders/*&#47;saga/resume", "admin")
 *         .require(POST, "/api/v1/orders", "orders:write")
 *         .require(GET, "/api/v1/orders/**", "orders:read");
 * }
 * </pre>
 *
 * The first rule that matches a request decides, so a narrower pattern goes before a
 * wider one. Patterns are Spring {@code PathPattern}s ({@code /**} also matches the path
 * without it). A request no rule matches needs a valid token and nothing more; the
 * health, info and Prometheus endpoints need none (see
 * {@link ResourceServerAutoConfiguration}).
 */
public final class ApiAccess {

	private final List<Rule> rules;

	private ApiAccess(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** No rules yet: every request needs a valid token, none a scope. */
	public static ApiAccess rules() {
		return new ApiAccess(List.of());
	}

	/**
	 * These rules and then one more: {@code method} requests to {@code pattern} need
	 * {@code scope} (its name as in the token, e.g. {@code orders:read}).
	 */
	public ApiAccess require(HttpMethod method, String pattern, String scope) {
		List<Rule> rules = new ArrayList<>(this.rules);
		rules.add(new Rule(Objects.requireNonNull(method, "method"), pattern, scope));
		return new ApiAccess(rules);
	}

	/** Like {@link #require(HttpMethod, String, String)}, for requests of any method. */
	public ApiAccess require(String pattern, String scope) {
		List<Rule> rules = new ArrayList<>(this.rules);
		rules.add(new Rule(null, pattern, scope));
		return new ApiAccess(rules);
	}

	public List<Rule> list() {
		return this.rules;
	}

	void applyTo(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		for (Rule rule : this.rules) {
			var matched = (rule.method() != null) ? requests.requestMatchers(rule.method(), rule.pattern())
					: requests.requestMatchers(rule.pattern());
			matched.hasAuthority(rule.authority());
		}
	}

	/**
	 * @param method the HTTP method, or null for any
	 * @param pattern the path pattern
	 * @param scope the scope the token must carry
	 */
	public record Rule(HttpMethod method, String pattern, String scope) {

		public Rule {
			Objects.requireNonNull(pattern, "pattern");
			if (scope == null || scope.isBlank()) {
				throw new IllegalArgumentException("A rule names the scope it requires");
			}
		}

		/** Spring Security's name for a scope granted by a JWT's {@code scope} claim. */
		String authority() {
			return "SCOPE_" + this.scope;
		}

	}

}
