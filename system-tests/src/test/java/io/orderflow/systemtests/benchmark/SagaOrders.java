package io.orderflow.systemtests.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.orderflow.systemtests.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;

/**
 * Places orders through order-service's API and learns when each is confirmed from
 * {@code order.events}, as any downstream consumer would: a POST → OrderConfirmed
 * latency, measured by one clock.
 */
final class SagaOrders implements AutoCloseable {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

	private static final long CANCELLED = Long.MIN_VALUE;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String orders;

	private final Tokens tokens;

	private final List<String> skus;

	private final KafkaConsumer<String, byte[]> consumer;

	private final Thread poller;

	/** Outcomes that arrived before the POST's answer named the order. */
	private final Map<String, Long> early = new ConcurrentHashMap<>();

	private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();

	private final AtomicInteger next = new AtomicInteger();

	private volatile boolean running = true;

	SagaOrders(String orderService, String bootstrap, List<String> skus, Tokens tokens) {
		this.orders = orderService + "/api/v1/orders";
		this.tokens = tokens;
		this.skus = skus;
		this.consumer = new KafkaConsumer<>(KafkaHops.consumerProperties(bootstrap));
		this.consumer.subscribe(List.of("order.events"));
		this.poller = Thread.ofPlatform().name("order-events").start(this::poll);
	}

	/**
	 * Places one order; completes with the nanoseconds from the POST to its
	 * OrderConfirmed, or exceptionally if it was cancelled.
	 */
	CompletableFuture<Long> place() {
		int n = this.next.getAndIncrement();
		String body = """
				{"customerId":"bench-%d","items":[{"sku":"%s","quantity":1}],"payment":{"token":"tok_visa"}}"""
			.formatted(n % 100, this.skus.get(n % this.skus.size()));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.orders))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Authorization", this.tokens.bearer(Tokens.DEMO))
			.timeout(Duration.ofSeconds(30))
			.POST(BodyPublishers.ofString(body))
			.build();
		long started = System.nanoTime();
		return this.http.sendAsync(request, BodyHandlers.ofString()).thenCompose((response) -> {
			Matcher orderId = ORDER_ID.matcher(response.body());
			if (response.statusCode() != 202 || !orderId.find()) {
				return CompletableFuture.failedFuture(
						new IllegalStateException("POST answered " + response.statusCode() + " " + response.body()));
			}
			return await(orderId.group(1)).thenApply((finished) -> finished - started);
		});
	}

	private void poll() {
		while (this.running) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(100))) {
				Header type = record.headers().lastHeader("message-type");
				String messageType = (type != null) ? new String(type.value(), StandardCharsets.UTF_8) : "";
				if (messageType.equals("OrderConfirmed")) {
					arrived(record.key(), System.nanoTime());
				}
				else if (messageType.equals("OrderCancelled")) {
					arrived(record.key(), CANCELLED);
				}
			}
		}
	}

	private synchronized CompletableFuture<Long> await(String orderId) {
		CompletableFuture<Long> outcome = new CompletableFuture<>();
		Long at = this.early.remove(orderId);
		if (at != null) {
			complete(outcome, orderId, at);
		}
		else {
			this.pending.put(orderId, outcome);
		}
		return outcome;
	}

	private synchronized void arrived(String orderId, long at) {
		CompletableFuture<Long> outcome = this.pending.remove(orderId);
		if (outcome != null) {
			complete(outcome, orderId, at);
		}
		else {
			this.early.put(orderId, at);
		}
	}

	private static void complete(CompletableFuture<Long> outcome, String orderId, long at) {
		if (at == CANCELLED) {
			outcome.completeExceptionally(new IllegalStateException("Order " + orderId + " cancelled"));
		}
		else {
			outcome.complete(at);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.poller.join(Duration.ofSeconds(5));
		this.consumer.close();
		this.http.close();
	}

}
