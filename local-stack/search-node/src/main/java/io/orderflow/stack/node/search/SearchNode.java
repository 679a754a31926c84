package io.orderflow.stack.node.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.orderflow.stack.node.NodeRuntime;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * An OpenSearch node serving the Elasticsearch REST API on loopback, with its data under
 * {@code --data-dir}. Args: {@code --data-dir}, {@code --port} (HTTP),
 * {@code --transport-port}.
 */
public final class SearchNode {

	private static final String NAME = "search";

	/**
	 * The modules a distribution would load from its {@code modules/} directory, here
	 * from the classpath: HTTP and transport, the analyzers search-service uses (english,
	 * edge_ngram), scaled_float and friends, reindex (alias swaps) and painless scripts.
	 */
	private static final List<Class<? extends Plugin>> MODULES = List.of(Netty4Plugin.class, CommonAnalysisPlugin.class,
			MapperExtrasPlugin.class, ReindexPlugin.class, PainlessPlugin.class);

	private SearchNode() {
	}

	public static void main(String[] args) {
		AtomicReference<Node> started = new AtomicReference<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started.get()), "search-node-shutdown"));
		try {
			Map<String, String> arguments = NodeRuntime.arguments(args);
			Path home = Path.of(NodeRuntime.required(arguments, "data-dir")).toAbsolutePath();
			int port = Integer.parseInt(NodeRuntime.required(arguments, "port"));
			int transportPort = Integer.parseInt(NodeRuntime.required(arguments, "transport-port"));
			NodeRuntime.exitWithParent();
			Node node = new ClasspathPluginsNode(environment(home, port, transportPort), MODULES);
			started.set(node);
			node.start();
			awaitHealthy(port, Duration.ofSeconds(120));
			withoutReplicasByDefault(node);
			NodeRuntime.markReady(Map.of("port", Integer.toString(port), "transport-port",
					Integer.toString(transportPort), "url", "http://127.0.0.1:" + port));
		}
		catch (Throwable ex) {
			NodeRuntime.fail(NAME, ex);
		}
		NodeRuntime.awaitShutdown();
	}

	private static Environment environment(Path home, int port, int transportPort) throws Exception {
		Path config = Files.createDirectories(home.resolve("config"));
		Settings settings = Settings.builder()
			.put("path.home", home.toString())
			.put("path.data", home.resolve("data").toString())
			.put("path.logs", home.resolve("logs").toString())
			.put("cluster.name", "orderflow")
			.put("node.name", "orderflow-search")
			.put("discovery.type", "single-node")
			.put("network.host", "127.0.0.1")
			.put("http.port", port)
			.put("transport.port", transportPort)
			.put("http.type", "netty4")
			.put("transport.type", "netty4")
			// A developer's disk is often fuller than a server's; the default watermarks
			// would turn indices read-only and fail every write.
			.put("cluster.routing.allocation.disk.threshold_enabled", false)
			.build();
		return InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> "orderflow-search");
	}

	/**
	 * Yellow is enough: one node can never allocate replicas, and an index created later
	 * with replicas must not make the node look unhealthy.
	 */
	private static void awaitHealthy(int port, Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/_cluster/health?wait_for_status=yellow&timeout="
					+ timeout.toSeconds() + "s"))
			.timeout(timeout.plusSeconds(5))
			.build();
		HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Cluster health answered " + response.statusCode() + ": " + response.body());
		}
	}

	/**
	 * One node can hold no replica, so an index created without saying otherwise would
	 * stay yellow for good. Only honoured as a dynamic cluster setting, not from the
	 * node's settings; persistent, so it is in the cluster state from the first start on.
	 */
	private static void withoutReplicasByDefault(Node node) {
		node.client()
			.admin()
			.cluster()
			.prepareUpdateSettings()
			.setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
			.get(TimeValue.timeValueSeconds(30));
	}

	private static void close(Node node) {
		if (node == null) {
			return;
		}
		try {
			node.close();
			node.awaitClose(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			System.err.println("[orderflow-node] search did not close cleanly: " + ex);
		}
	}

	/** Node's constructor that takes plugin classes is protected: meant for embedding. */
	private static final class ClasspathPluginsNode extends Node {

		ClasspathPluginsNode(Environment environment, List<Class<? extends Plugin>> plugins) {
			super(environment, plugins, true);
		}

	}

}
