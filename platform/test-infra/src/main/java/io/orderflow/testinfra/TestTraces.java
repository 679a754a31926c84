package io.orderflow.testinfra;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * The trace sink for tests: an OpenTelemetry SDK that keeps every ended span in memory,
 * installed as {@link GlobalOpenTelemetry} and, in a Spring test with {@code TRACES}, as
 * the context's {@code OpenTelemetry} bean.
 * <p>
 * Spans are exported synchronously when they end and sampled always, so a span is visible
 * here as soon as the code that ended it returns. The sink is shared by the whole JVM:
 * select spans by trace id or name rather than counting all of them.
 */
public final class TestTraces {

	private final InMemorySpanExporter exporter;

	private final SdkTracerProvider tracerProvider;

	private final OpenTelemetrySdk openTelemetry;

	private TestTraces() {
		this.exporter = InMemorySpanExporter.create();
		this.tracerProvider = SdkTracerProvider.builder()
			.setResource(Resource.getDefault()
				.merge(Resource.builder().put(AttributeKey.stringKey("service.name"), "orderflow-test").build()))
			.setSampler(Sampler.alwaysOn())
			.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
			.build();
		this.openTelemetry = OpenTelemetrySdk.builder()
			.setTracerProvider(this.tracerProvider)
			.setPropagators(ContextPropagators.create(TextMapPropagator
				.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
			.build();
	}

	/**
	 * Creates the sink and makes it global. Anything that called
	 * {@link GlobalOpenTelemetry#get()} earlier got a no-op that would now hide every
	 * span, so an earlier global is replaced rather than kept.
	 */
	static TestTraces install() {
		TestTraces traces = new TestTraces();
		try {
			GlobalOpenTelemetry.set(traces.openTelemetry);
		}
		catch (IllegalStateException alreadySet) {
			GlobalOpenTelemetry.resetForTest();
			GlobalOpenTelemetry.set(traces.openTelemetry);
		}
		return traces;
	}

	public OpenTelemetry openTelemetry() {
		return this.openTelemetry;
	}

	/** For frameworks that build their tracers from an SDK tracer provider. */
	public SdkTracerProvider tracerProvider() {
		return this.tracerProvider;
	}

	public Tracer tracer(String instrumentationScope) {
		return this.openTelemetry.getTracer(instrumentationScope);
	}

	/**
	 * Every span ended so far in this JVM (since the last {@link #clear()}), in end
	 * order.
	 */
	public List<SpanData> spans() {
		return this.exporter.getFinishedSpanItems();
	}

	/** The ended spans of one trace, in end order. */
	public List<SpanData> trace(String traceId) {
		return spans().stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

	public List<SpanData> spansNamed(String name) {
		return spans().stream().filter((span) -> span.getName().equals(name)).toList();
	}

	/** The first ended span that matches, if one has ended yet. */
	public Optional<SpanData> find(Predicate<SpanData> matching) {
		return spans().stream().filter(matching).findFirst();
	}

	/** Forgets the spans ended so far; for tests that run alone in their JVM. */
	public void clear() {
		this.exporter.reset();
	}

}
