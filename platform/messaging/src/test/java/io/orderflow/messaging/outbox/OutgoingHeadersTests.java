package io.orderflow.messaging.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class OutgoingHeadersTests {

	private static final UUID ID = UUID.fromString("0190f1d2-0000-7000-8000-0000000000aa");

	private static final Instant NOW = Instant.parse("2026-03-04T05:06:07Z");

	@Test
	void startsAConversationThatCorrelatesWithItself() {
		Map<String, String> headers = OutgoingHeaders.of(ID, "OrderPlaced", NOW, Map.of());

		assertThat(headers).containsExactly(entry(Envelope.MESSAGE_ID, ID.toString()),
				entry(Envelope.MESSAGE_TYPE, "OrderPlaced"), entry(Envelope.OCCURRED_AT, "2026-03-04T05:06:07Z"),
				entry(Envelope.CORRELATION_ID, ID.toString()));
	}

	@Test
	void takesCorrelationAndIdempotencyKeyGivenExplicitlyAndKeepsOtherHeaders() {
		Map<String, String> headers = OutgoingHeaders.of(ID, "OrderPlaced", NOW, Map.of(Envelope.CORRELATION_ID,
				"order-7", Envelope.IDEMPOTENCY_KEY, "client-key-1", "tenant", "shop-3"));

		assertThat(headers)
			.contains(entry(Envelope.CORRELATION_ID, "order-7"), entry(Envelope.IDEMPOTENCY_KEY, "client-key-1"),
					entry("tenant", "shop-3"))
			.doesNotContainKey(Envelope.CAUSATION_ID);
	}

	@Test
	void isCausedByTheMessageBeingHandledAndInheritsItsCorrelationAndIdempotencyKey() {
		Envelope incoming = new Envelope(UUID.fromString("0190f1d2-0000-7000-8000-0000000000bb"), "StockReserved", NOW,
				"order-7", null, "client-key-1");

		Map<String, String> headers = MessageContext.callWith(incoming,
				() -> OutgoingHeaders.of(ID, "ChargePayment", NOW, Map.of()));

		assertThat(headers).contains(entry(Envelope.CAUSATION_ID, "0190f1d2-0000-7000-8000-0000000000bb"),
				entry(Envelope.CORRELATION_ID, "order-7"), entry(Envelope.IDEMPOTENCY_KEY, "client-key-1"));
	}

	@Test
	void letsExplicitHeadersOverrideInheritedOnes() {
		Envelope incoming = new Envelope(UUID.fromString("0190f1d2-0000-7000-8000-0000000000bb"), "StockReserved", NOW,
				"order-7", null, "client-key-1");

		Map<String, String> headers = MessageContext.callWith(incoming, () -> OutgoingHeaders.of(ID, "ChargePayment",
				NOW, Map.of(Envelope.CORRELATION_ID, "order-8", Envelope.CAUSATION_ID, "manual")));

		assertThat(headers).contains(entry(Envelope.CORRELATION_ID, "order-8"), entry(Envelope.CAUSATION_ID, "manual"),
				entry(Envelope.IDEMPOTENCY_KEY, "client-key-1"));
	}

	@Test
	void capturesTheCurrentTraceContextAsW3cTraceparentAndTracestate() {
		SpanContext span = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
				TraceFlags.getSampled(), TraceState.builder().put("vendor", "value").build());

		Map<String, String> headers;
		try (Scope scope = Span.wrap(span).makeCurrent()) {
			headers = OutgoingHeaders.of(ID, "OrderPlaced", NOW, Map.of());
		}

		assertThat(headers).contains(
				entry(Envelope.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
				entry(Envelope.TRACESTATE, "vendor=value"));
	}

	@Test
	void capturesNoTraceOutsideASpan() {
		assertThat(OutgoingHeaders.of(ID, "OrderPlaced", NOW, Map.of())).doesNotContainKeys(Envelope.TRACEPARENT,
				Envelope.TRACESTATE);
	}

	@Test
	void refusesHeadersOnlyTheOutboxSets() {
		for (String reserved : new String[] { Envelope.MESSAGE_ID, Envelope.MESSAGE_TYPE, Envelope.OCCURRED_AT,
				Envelope.TRACEPARENT, Envelope.TRACESTATE }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> OutgoingHeaders.of(ID, "OrderPlaced", NOW, Map.of(reserved, "forged")))
				.withMessageContaining(reserved);
		}
	}

	@Test
	void issuesTimeOrderedVersion7MessageIds() {
		UUID first = MessageIds.next(Clock.fixed(NOW, ZoneOffset.UTC));
		UUID later = MessageIds.next(Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC));

		assertThat(first.version()).isEqualTo(7);
		assertThat(first.variant()).isEqualTo(2);
		assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
		assertThat(later.compareTo(first)).isPositive();
	}

}
