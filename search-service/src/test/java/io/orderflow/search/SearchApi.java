package io.orderflow.search;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a client calls it. */
final class SearchApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	SearchApi(int port) {
		this.port = port;
	}

	HttpResponse<String> get(String path, String authorization) {
		return send("GET", path, authorization);
	}

	HttpResponse<String> post(String path, String authorization) {
		return send("POST", path, authorization);
	}

	/** The JSON body of a GET that must succeed. */
	JsonNode json(String path, String authorization) {
		HttpResponse<String> response = get(path, authorization);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	static JsonNode json(HttpResponse<String> response) {
		return json(response.body());
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

	HttpResponse<String> send(String method, String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
