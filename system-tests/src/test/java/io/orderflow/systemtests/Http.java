package io.orderflow.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Plain HTTP calls to the stack, as any well-behaved client would make them: a 429 is
 * answered by waiting as long as its {@code Retry-After} says and sending again.
 */
final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** How often one request is sent again after 429s before the test gives up. */
	private static final int RATE_LIMITED_TRIES = 30;

	/** A cap on one wait, so a wrong {@code Retry-After} cannot stall a test for long. */
	private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

	private Http() {
	}

	static HttpResponse<String> get(String url, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
	}

	static HttpResponse<String> post(String url, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).POST(BodyPublishers.ofString(json)), json(headers));
	}

	static HttpResponse<String> put(String url, String json, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).PUT(BodyPublishers.ofString(json)), json(headers));
	}

	/** A form POST ({@code application/x-www-form-urlencoded}), e.g. a token request. */
	static HttpResponse<String> form(String url, String form, String... headers) {
		String[] all = Arrays.copyOf(headers, headers.length + 2);
		all[headers.length] = "Content-Type";
		all[headers.length + 1] = "application/x-www-form-urlencoded";
		return send(HttpRequest.newBuilder(URI.create(url)).POST(BodyPublishers.ofString(form)), all);
	}

	private static String[] json(String... headers) {
		String[] all = Arrays.copyOf(headers, headers.length + 2);
		all[headers.length] = "Content-Type";
		all[headers.length + 1] = "application/json";
		return all;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
		request.timeout(Duration.ofSeconds(10));
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpRequest built = request.build();
		try {
			HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
			for (int tries = 1; response.statusCode() == 429 && tries < RATE_LIMITED_TRIES; tries++) {
				Thread.sleep(retryAfter(response).toMillis());
				response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Duration retryAfter(HttpResponse<String> response) {
		Duration wait = response.headers()
			.firstValue("Retry-After")
			.map((seconds) -> Duration.ofSeconds(Long.parseLong(seconds.trim())))
			.orElse(Duration.ofSeconds(1));
		return (wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait;
	}

}
