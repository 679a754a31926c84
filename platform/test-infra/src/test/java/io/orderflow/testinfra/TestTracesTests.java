package io.orderflow.testinfra;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTracesTests {

	private final TestTraces traces = TestInfrastructure.traces();

	@Test
	void capturesASpanEndedThroughTheGlobalOpenTelemetry() {
		Span span = GlobalOpenTelemetry.getTracer("test").spanBuilder("place order").startSpan();
		span.end();

		assertThat(this.traces.spansNamed("place order")).singleElement()
			.satisfies((captured) -> assertThat(captured.getSpanId()).isEqualTo(span.getSpanContext().getSpanId()));
	}

	@Test
	void putsAChildSpanInItsParentsTrace() {
		Span producer = this.traces.tracer("test")
			.spanBuilder("order.events send")
			.setSpanKind(SpanKind.PRODUCER)
			.startSpan();
		try (Scope scope = producer.makeCurrent()) {
			this.traces.tracer("test")
				.spanBuilder("order.events process")
				.setSpanKind(SpanKind.CONSUMER)
				.startSpan()
				.end();
		}
		finally {
			producer.end();
		}

		String traceId = producer.getSpanContext().getTraceId();
		assertThat(this.traces.trace(traceId)).extracting(SpanData::getName)
			.containsExactly("order.events process", "order.events send");
		assertThat(this.traces.find((span) -> span.getName().equals("order.events process"))).hasValueSatisfying(
				(consumer) -> assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanContext().getSpanId()));
	}

}
