package io.orderflow.discovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.netflix.eureka.EurekaServerConfig;
import com.netflix.eureka.registry.PeerAwareInstanceRegistry;
import org.junit.jupiter.api.AfterEach;
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

	private static final Duration RENEWAL_INTERVAL = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> registered = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	EurekaServerConfig serverConfig;

	@Autowired
	PeerAwareInstanceRegistry registry;

	/**
	 * Cancels what a test registered, as a stopping client does: left behind, an expiring
	 * instance would share the next test's eviction tick, and Eureka evicts at most 15%
	 * of the registry per tick.
	 */
	@AfterEach
	void cancelRegisteredInstances() throws Exception {
		for (String instancePath : this.registered) {
			HttpResponse<Void> cancelled = this.http.send(request(instancePath).DELETE().build(),
					BodyHandlers.discarding());
			assertThat(cancelled.statusCode()).isIn(200, 404);
		}
	}

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
	void evictsAnInstanceThatNeverRenewsWithinEighteenSecondsWhileARenewingOneStays() throws Exception {
		String app = uniqueApp();
		// Registered first, so without heartbeats it would be the first to expire.
		register(app, "renewing");
		Heartbeat renewing = new Heartbeat(app, "renewing");
		register(app, "silent");
		long silentRegisteredAt = System.nanoTime();

		await().atMost(Duration.ofSeconds(LEASE_SECONDS + 5 + 3 + 2))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				renewing.beatIfDue();
				assertThat(listed(app)).doesNotContain("silent");
			});

		assertThat(Duration.ofNanos(System.nanoTime() - silentRegisteredAt))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(LEASE_SECONDS - 1));
		assertThat(listed(app)).contains("renewing");
		assertThat(renew(app, "silent")).isEqualTo(404);
	}

	/**
	 * Eureka's lease treats a renewal as "valid for two leases", so the bound for a
	 * killed instance is twice the lease plus eviction tick and response cache; the lower
	 * bound fails if a Eureka upgrade changes that and the documented numbers need
	 * revisiting.
	 */
	@Test
	void evictsAnInstanceThatStopsRenewingWithinTwoLeasesOfItsLastHeartbeat() throws Exception {
		String app = uniqueApp();
		register(app, "renewing");
		Heartbeat renewing = new Heartbeat(app, "renewing");
		register(app, "killed");
		assertThat(renew(app, "killed")).isEqualTo(200);
		long lastHeartbeatAt = System.nanoTime();

		await().atMost(Duration.ofSeconds(2 * LEASE_SECONDS + 5 + 3 + 2))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				renewing.beatIfDue();
				assertThat(listed(app)).doesNotContain("killed");
			});

		assertThat(Duration.ofNanos(System.nanoTime() - lastHeartbeatAt))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(2 * LEASE_SECONDS - 1));
		assertThat(listed(app)).contains("renewing");
	}

	private static String uniqueApp() {
		return "APP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
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
				  "leaseInfo": {"renewalIntervalInSecs": %3$d, "durationInSecs": %4$d}
				}}
				""".formatted(app, instance, RENEWAL_INTERVAL.toSeconds(), LEASE_SECONDS);
		HttpResponse<String> response = this.http
			.send(request("/eureka/apps/" + app).header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(204);
		this.registered.add("/eureka/apps/" + app + "/" + instance);
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

	/**
	 * Renews at the clients' interval, not at every poll, so a renewing instance proves
	 * the 5 s interval keeps a 10 s lease alive.
	 */
	private final class Heartbeat {

		private final String app;

		private final String instance;

		private long lastBeatAt = System.nanoTime();

		private Heartbeat(String app, String instance) {
			this.app = app;
			this.instance = instance;
		}

		void beatIfDue() throws Exception {
			if (System.nanoTime() - this.lastBeatAt >= RENEWAL_INTERVAL.toNanos()) {
				assertThat(renew(this.app, this.instance)).isEqualTo(200);
				this.lastBeatAt = System.nanoTime();
			}
		}

	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "application/json");
	}

}
