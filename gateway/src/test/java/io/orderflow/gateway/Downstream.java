package io.orderflow.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server in the test JVM standing in for one instance of a service: it
 * answers every request with its name and what it received, after an optional delay, and
 * can be stopped like a killed instance. A request may ask for another status or delay
 * with the headers {@code X-Test-Status} and {@code X-Test-Delay-Ms}.
 */
final class Downstream {

	private final String name;

	private final int status;

	private final Duration delay;

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private Downstream(String name, int status, Duration delay) {
		this.name = name;
		this.status = status;
		this.delay = delay;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	/** Answers at once: 202 to a POST, 200 otherwise. */
	static Downstream answering(String name) {
		return new Downstream(name, 0, Duration.ZERO);
	}

	/** Answers with this status, always. */
	static Downstream failingWith(String name, int status) {
		return new Downstream(name, status, Duration.ZERO);
	}

	/** Answers after the delay. */
	static Downstream slow(String name, Duration delay) {
		return new Downstream(name, 0, delay);
	}

	/** An address where nothing listens: a service whose only instance is gone. */
	static String nothingListening() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String uri() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String name() {
		return this.name;
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** Stops at once, open connections included: a killed instance. */
	void kill() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange; InputStream body = exchange.getRequestBody()) {
			long length = body.transferTo(java.io.OutputStream.nullOutputStream());
			this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("X-Request-ID"), length));
			String askedDelay = exchange.getRequestHeaders().getFirst("X-Test-Delay-Ms");
			Duration delay = (askedDelay != null) ? Duration.ofMillis(Long.parseLong(askedDelay)) : this.delay;
			if (!delay.isZero()) {
				Thread.sleep(delay);
			}
			String requestId = exchange.getRequestHeaders().getFirst("X-Request-ID");
			byte[] json = ("{\"service\":\"" + this.name + "\",\"instance\":\"" + uri() + "\",\"requestId\":\""
					+ requestId + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			if (requestId != null) {
				// As the services do: the gateway must still send a single X-Request-ID.
				exchange.getResponseHeaders().set("X-Request-ID", requestId);
			}
			String askedStatus = exchange.getRequestHeaders().getFirst("X-Test-Status");
			int status = (askedStatus != null) ? Integer.parseInt(askedStatus) : this.status;
			int answer = (status != 0) ? status : "POST".equals(exchange.getRequestMethod()) ? 202 : 200;
			exchange.sendResponseHeaders(answer, json.length);
			exchange.getResponseBody().write(json);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A request as the service saw it. */
	record Received(String method, String path, String requestId, long bodyLength) {

	}

}
