package io.orderflow.web.security;

import java.io.IOException;

import io.orderflow.web.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

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
		write(response, Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
				"The access token does not carry the scope this request needs.", request));
	}

	private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		ServletServerHttpResponse output = new ServletServerHttpResponse(response);
		this.json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
		output.flush();
	}

}
