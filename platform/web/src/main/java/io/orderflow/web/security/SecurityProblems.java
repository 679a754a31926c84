package io.orderflow.web.security;

import java.io.IOException;
import java.util.regex.Pattern;

import io.orderflow.web.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request without a valid token (401) or without the scope it needs (403) the
 * way every other error is answered: a problem body with {@code code}, {@code requestId}
 * and {@code traceId}. Spring Security's bearer-token handlers set the status and the RFC
 * 6750 {@code WWW-Authenticate} header first, so OAuth2 clients still read why.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String RESOURCE_METADATA = "resource_metadata=";

	private static final Pattern WITH_RESOURCE_METADATA = Pattern.compile(",?\\s*resource_metadata=\"[^\"]*\"");

	private final AuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler bearerAccessDenied = new BearerTokenAccessDeniedHandler();

	private final JacksonJsonHttpMessageConverter json;

	SecurityProblems(JsonMapper jsonMapper) {
		this.json = new JacksonJsonHttpMessageConverter(jsonMapper.rebuild());
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException, ServletException {
		this.bearerEntryPoint.commence(request, response, exception);
		withoutResourceMetadata(response);
		// Why the token was refused stays in WWW-Authenticate's error_description; the
		// body says what to do about it.
		String detail = (exception instanceof OAuth2AuthenticationException)
				? "The bearer token is not valid: it is expired, malformed, from another issuer or not signed by the auth-server."
				: "This API needs an access token: send Authorization: Bearer <token from POST /oauth2/token>.";
		write(response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", detail, request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException, ServletException {
		this.bearerAccessDenied.handle(request, response, exception);
		withoutResourceMetadata(response);
		write(response, Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
				"The access token does not carry the scope this request needs.", request));
	}

	/**
	 * Spring Security 7 points every challenge at RFC 9728 metadata under the service's
	 * own address ({@code resource_metadata="http://127.0.0.1:8082/.well-known/..."}),
	 * which no service serves and which would hand a client behind the gateway an
	 * internal address; the entry point offers no switch for it, so the parameter is
	 * taken out of the header it wrote.
	 */
	private static void withoutResourceMetadata(HttpServletResponse response) {
		String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
		if (challenge != null && challenge.contains(RESOURCE_METADATA)) {
			String rest = WITH_RESOURCE_METADATA.matcher(challenge).replaceAll("");
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, rest.replaceFirst("^Bearer,?\\s*", "Bearer ").strip());
		}
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		this.json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
		output.flush();
	}

}
