package io.orderflow.gateway.problem;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a problem as the response, with the application's codecs, from places that have
 * no controller to return it from: the error handler and the security handlers. Headers
 * already on the response (Retry-After, X-RateLimit-*, WWW-Authenticate) stay.
 */
@Component
public class ProblemResponses {

	private final ServerResponse.Context context;

	ProblemResponses(ServerCodecConfigurer codecs) {
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		// Whatever a service had begun to answer is not what this body is.
		exchange.getResponse().getHeaders().clearContentHeaders();
		return ServerResponse.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(problem)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

}
