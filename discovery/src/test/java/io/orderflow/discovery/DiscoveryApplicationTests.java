package io.orderflow.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.UUID;

import com.netflix.eureka.EurekaServerConfig;
import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the registry through the same REST API the Eureka clients use, with the lease
 * numbers the services are meant to run with (renewal every 5 s, lease of 10 s).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DiscoveryApplicationTests {

	private static final int LEASE_SECONDS = 10;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	EurekaServerConfig serverConfig;

	@Autowired
	PeerAwareInstanceRegistry registry;

	@Test
	void reportsItselfUpOnTheHealthEndpoint() throws Exception {
		HttpResponse<String> health = get("/actuator/health");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void answersTheEurekaRestApi() throws Exception {
		HttpResponse<String> apps = get("/eureka/apps");

		assertThat(apps.statusCode()).isEqualTo(200);
		assertThat(apps.body()).contains("\"applications\"");
	}

	@Test
	void runsStandaloneWithoutSelfPreservationAndWithFastEviction() {
		assertThat(this.serverConfig.shouldEnableSelfPreservation()).isFalse();
		assertThat(this.registry.isSelfPreservationModeEnabled()).isFalse();
		assertThat(this.registry.isLeaseExpirationEnabled()).isTrue();
		assertThat(this.serverConfig.getEvictionIntervalTimerInMs()).isEqualTo(5000);
		assertThat(this.serverConfig.getResponseCacheUpdateIntervalMs()).isEqualTo(3000);
	}

	@Test
	void evictsAnInstanceWithoutRenewalsWithinTwentySecondsWhileARenewedOneStays() throws Exception {
		String app = "EVICTION-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		// The renewed instance registers first, so it would be the first to expire
		// without its
		// heartbeats.
		register(app, "renewed");
		register(app, "silent");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(listed(app)).contains("renewed", "silent"));
		long silentRegisteredAt = System.nanoTime();

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(renew(app, "renewed")).isEqualTo(200);
			assertThat(listed(app)).doesNotContain("silent");
		});

		assertThat(Duration.ofNanos(System.nanoTime() - silentRegisteredAt))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS - 3));
		assertThat(listed(app)).contains("renewed");
		assertThat(renew(app, "silent")).isEqualTo(404);
	}

	private void register(String app, String instance) throws Exception {
		String body = """
				{"instance": {
				  "instanceId": "%2$s",
				  "hostName": "127.0.0.1",
				  "app": "%1$s",
				  "ipAddr": "127.0.0.1",
				  "vipAddress": "%1$s",
				  "status": "UP",
				  "port": {"$": 9, "@enabled": "true"},
				  "dataCenterInfo": {
				    "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
				    "name": "MyOwn"
				  },
				  "leaseInfo": {"renewalIntervalInSecs": 5, "durationInSecs": %3$d}
				}}
				""".formatted(app, instance, LEASE_SECONDS);
		HttpResponse<String> response = this.http
			.send(request("/eureka/apps/" + app).header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(204);
	}

	private int renew(String app, String instance) throws Exception {
		return this.http
			.send(request("/eureka/apps/" + app + "/" + instance).PUT(BodyPublishers.noBody()).build(),
					BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * Reads the application through the cached registry view clients fetch, so the
	 * response cache's delay is part of every measured time.
	 */
	private String listed(String app) throws Exception {
		HttpResponse<String> response = get("/eureka/apps/" + app);
		assertThat(response.statusCode()).isIn(200, 404);
		return (response.statusCode() == 200) ? response.body() : "";
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(request(path).GET().build(), BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "application/json");
	}

}
