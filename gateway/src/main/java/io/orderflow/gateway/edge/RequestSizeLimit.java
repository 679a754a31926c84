package io.orderflow.gateway.edge;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies over the limit with 413: at once when {@code Content-Length}
 * says so, otherwise (chunked bodies) as soon as reading passes the limit, before the
 * gateway has buffered or forwarded more than that. Netty sets no limit on a streamed
 * body, and Spring Cloud Gateway's RequestSize filter trusts {@code Content-Length}
 * alone.
 */
final class RequestSizeLimit implements WebFilter, Ordered {

	private final long limit;

	RequestSizeLimit(long limit) {
		this.limit = limit;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getHeaders().getContentLength() > this.limit) {
			return Mono.error(new RequestTooLarge(this.limit));
		}
		return chain.filter(exchange.mutate().request(new LimitedRequest(exchange.getRequest(), this.limit)).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	private static final class LimitedRequest extends ServerHttpRequestDecorator {

		private final long limit;

		LimitedRequest(ServerHttpRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (read.addAndGet(buffer.readableByteCount()) > this.limit) {
					DataBufferUtils.release(buffer);
					sink.error(new RequestTooLarge(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
