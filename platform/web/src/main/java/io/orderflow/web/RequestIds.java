package io.orderflow.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an {@code X-Request-ID}: the caller's (the gateway's) when it is a
 * sensible token, a new one otherwise. It is echoed on the response, put in every problem
 * body and in the log context ({@code requestId}) while the request is handled.
 */
public class RequestIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-ID";

	static final String ATTRIBUTE = RequestIds.class.getName();

	static final String MDC_KEY = "requestId";

	/** Anything else (too long, control characters) could forge log lines or headers. */
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(HEADER);
		if (requestId == null || !ACCEPTABLE.matcher(requestId).matches()) {
			requestId = UUID.randomUUID().toString();
		}
		request.setAttribute(ATTRIBUTE, requestId);
		response.setHeader(HEADER, requestId);
		MDC.put(MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * The request id of {@code request}, also during the error dispatch.
	 */
	public static String of(HttpServletRequest request) {
		Object requestId = request.getAttribute(ATTRIBUTE);
		return (requestId != null) ? requestId.toString() : request.getHeader(HEADER);
	}

}
