package io.orderflow.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests: the base as written and, where a kustomize is on the PATH,
 * every overlay as rendered. Probes, resources, pinned images, ports and routes that
 * agree with the gateway, properties the services have, secrets only by reference.
 */
class KubernetesManifestsTests {

	/** A service called by its discovery name: {@code http://order-service}. */
	private static final Pattern BY_NAME = Pattern.compile("https?://([a-z][a-z0-9-]*)/?");

	/** The HTTP port of the Services the operators create, from their resources. */
	private static final Map<String, Integer> OPERATOR_SERVICES = Map.of("Kafka", 9092, "Cluster", 5432,
			"Elasticsearch", 9200);

	private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

	static Stream<Manifests> manifests() {
		List<Manifests> manifests = new ArrayList<>();
		manifests.add(Manifests.base());
		Optional<List<String>> kustomize = Kustomize.command();
		if (kustomize.isPresent()) {
			for (String overlay : Manifests.OVERLAYS) {
				manifests.add(Manifests.rendered(overlay, Kustomize.render(overlay)));
			}
		}
		else if (SKIP_REPORTED.compareAndSet(false, true)) {
			System.out.println("kustomize rendering skipped: neither kustomize nor kubectl is on the PATH;"
					+ " the overlays are checked file by file only (KustomizeOverlaysTests)");
		}
		return manifests.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyWorkloadHasLivenessAndReadinessProbes(Manifests manifests) {
		for (Map<String, Object> workload : manifests.workloads()) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				String where = Manifests.name(workload) + "/" + container.get("name");
				assertThat(container).as("probes of %s", where).containsKeys("livenessProbe", "readinessProbe");
				if (OrderflowService.named(Manifests.name(workload)).isPresent()) {
					assertThat(YamlDocuments.at(container, "livenessProbe", "httpGet", "path")).as(where)
						.isEqualTo("/actuator/health/liveness");
					assertThat(YamlDocuments.at(container, "readinessProbe", "httpGet", "path")).as(where)
						.isEqualTo("/actuator/health/readiness");
					assertThat(YamlDocuments.at(container, "startupProbe", "httpGet", "path")).as(where)
						.isEqualTo("/actuator/health/liveness");
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyContainerHasResourceRequestsAndAMemoryLimit(Manifests manifests) {
		for (Map<String, Object> workload : manifests.workloads()) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				String where = Manifests.name(workload) + "/" + container.get("name");
				assertThat(YamlDocuments.at(container, "resources", "requests", "cpu")).as("cpu request of %s", where)
					.isNotNull();
				assertThat(YamlDocuments.at(container, "resources", "requests", "memory"))
					.as("memory request of %s", where)
					.isNotNull();
				assertThat(YamlDocuments.at(container, "resources", "limits", "memory")).as("memory limit of %s", where)
					.isNotNull();
			}
		}
		for (String kind : List.of("KafkaNodePool", "Cluster", "Elasticsearch", "MongoDBCommunity")) {
			for (Map<String, Object> resource : manifests.ofKind(kind)) {
				assertThat(YamlDocuments.flatten(resource).keySet())
					.as("%s %s sizes its pods", kind, Manifests.name(resource))
					.anyMatch((key) -> key.contains("resources.limits.memory"));
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyImageIsPinned(Manifests manifests) {
		for (Map<String, Object> workload : manifests.workloads()) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				String image = String.valueOf(container.get("image"));
				if (image.contains("orderflow/")) {
					assertThat(image).as("image of %s", Manifests.name(workload))
						.matches(".*orderflow/" + Manifests.name(workload) + ":\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
				}
				else {
					assertThat(Images.pinned(image)).as("image %s of %s", image, Manifests.name(workload)).isTrue();
				}
			}
		}
		for (Map<String, Object> kafka : manifests.ofKind("Kafka")) {
			assertThat(String.valueOf(YamlDocuments.at(kafka, "spec", "kafka", "version")))
				.matches("\\d+\\.\\d+\\.\\d+");
		}
		for (Map<String, Object> cluster : manifests.ofKind("Cluster")) {
			assertThat(Images.pinned(YamlDocuments.string(YamlDocuments.at(cluster, "spec", "imageName")))).isTrue();
		}
		for (String kind : List.of("Elasticsearch", "MongoDBCommunity")) {
			for (Map<String, Object> resource : manifests.ofKind(kind)) {
				assertThat(String.valueOf(YamlDocuments.at(resource, "spec", "version"))).as("version of %s", kind)
					.matches("\\d+\\.\\d+\\.\\d+");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyServiceRunsBehindAKubernetesServiceOnItsOwnPort(Manifests manifests) {
		for (OrderflowService service : kubernetesServices(manifests)) {
			Map<String, Object> deployment = deployment(manifests, service);
			Map<String, Object> container = container(deployment, service);
			int containerPort = httpPort(container);
			String serverPort = manifests.environment(container).get("SERVER_PORT");
			assertThat((serverPort != null) ? Integer.parseInt(serverPort) : service.defaultPort())
				.as("%s listens where its container port says", service.name())
				.isEqualTo(containerPort);
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				assertThat(String.valueOf(YamlDocuments.at(container, probe, "httpGet", "port")))
					.as("%s of %s", probe, service.name())
					.isIn("http", Integer.toString(containerPort));
			}
			Map<String, Object> kubernetesService = manifests.find("Service", service.name())
				.orElseThrow(() -> new AssertionError(manifests + ": no Service " + service.name()));
			assertThat(Manifests.podLabels(deployment))
				.containsAllEntriesOf(YamlDocuments.asMap(YamlDocuments.at(kubernetesService, "spec", "selector")));
			Map<String, Object> port = YamlDocuments
				.asMap(YamlDocuments.asList(YamlDocuments.at(kubernetesService, "spec", "ports")).get(0));
			assertThat(port.get("port")).as("Service port of %s", service.name()).isEqualTo(containerPort);
			assertThat(String.valueOf(port.get("targetPort"))).isIn("http", Integer.toString(containerPort));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyGatewayRouteResolvesToTheKubernetesServiceOfThatName(Manifests manifests) {
		Map<String, Object> gateway = deployment(manifests, OrderflowService.of("gateway"));
		Map<String, Object> container = container(gateway, OrderflowService.of("gateway"));
		assertThat(manifests.environment(container)).as("Eureka is off on Kubernetes")
			.containsEntry("EUREKA_CLIENT_ENABLED", "false");
		Map<String, String> discovery = manifests.mountedConfiguration(gateway, container);
		for (String target : GatewayRoutes.targets()) {
			String uri = discovery.get("spring.cloud.discovery.client.simple.instances." + target + "[0].uri");
			assertThat(uri).as("the gateway's instance of lb://%s", target).isNotNull();
			Addresses.Address address = Addresses.in(uri).get(0);
			assertThat(address.host()).as("lb://%s", target).isEqualTo(target);
			Map<String, Object> service = manifests.find("Service", target)
				.orElseThrow(() -> new AssertionError(manifests + ": lb://" + target + " but no Service " + target));
			assertThat(servicePorts(service)).as("ports of Service %s", target).contains(address.port());
		}
		assertThat(manifests.find("Deployment", "discovery")).as("no Eureka server on Kubernetes").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyServiceNameCalledThroughDiscoveryResolvesToTheKubernetesServiceOfThatName(Manifests manifests) {
		List<String> problems = new ArrayList<>();
		for (ServiceEnvironment environment : environments(manifests)) {
			Map<String, String> properties = environment.properties();
			Set<String> names = new java.util.TreeSet<>();
			properties.values().forEach((value) -> {
				Matcher byName = BY_NAME.matcher(String.valueOf(value));
				if (byName.matches() && OrderflowService.named(byName.group(1)).isPresent()) {
					names.add(byName.group(1));
				}
			});
			if (environment.service().name().equals("gateway")) {
				names.addAll(GatewayRoutes.targets());
			}
			for (String name : names) {
				String uri = properties.get("spring.cloud.discovery.client.simple.instances." + name + "[0].uri");
				Optional<Map<String, Object>> service = manifests.find("Service", name);
				if (uri == null) {
					problems.add(environment.where() + " calls " + name + " by name but has no instance of it");
				}
				else if (service.isEmpty() || Addresses.in(uri).isEmpty()
						|| !Addresses.in(uri).get(0).host().equals(name)
						|| !servicePorts(service.get()).contains(Addresses.in(uri).get(0).port())) {
					problems.add(environment.where() + ": " + name + " resolves to " + uri
							+ ", not to the Service of that name on its port");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyEnvironmentVariableNamesAPropertyTheServiceHas(Manifests manifests) {
		List<String> problems = new ArrayList<>();
		environments(manifests).forEach((environment) -> problems.addAll(environment.unknownProperties()));
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyServiceGetsThePropertiesItNeeds(Manifests manifests) {
		List<String> problems = new ArrayList<>();
		environments(manifests).forEach((environment) -> problems.addAll(environment.missingProperties()));
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void listsSetFromTheEnvironmentAreGivenWhole(Manifests manifests) {
		List<String> problems = new ArrayList<>();
		environments(manifests).forEach((environment) -> problems.addAll(environment.partialListOverrides()));
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyAddressNamesAServiceOfTheClusterOnItsPort(Manifests manifests) {
		List<String> problems = new ArrayList<>();
		for (ServiceEnvironment environment : environments(manifests)) {
			Map<String, String> values = new java.util.LinkedHashMap<>(environment.properties());
			environment.variables()
				.entrySet()
				.stream()
				.filter((variable) -> variable.getKey().startsWith("OTEL_EXPORTER_OTLP"))
				.forEach((variable) -> values.put(variable.getKey(), variable.getValue()));
			values.forEach((property, value) -> Addresses.in(value).forEach((address) -> {
				// A dotted name is outside this kustomization (a collector, a managed
				// service).
				if (!address.host().contains(".") && !servesOn(manifests, address)) {
					problems.add(environment.where() + ": " + property + " names " + address + ", which no Service of "
							+ manifests + " serves");
				}
			}));
		}
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void servicesAcceptTheTokensTheAuthServerIssues(Manifests manifests) {
		List<ServiceEnvironment> environments = environments(manifests);
		String issuer = environments.stream()
			.filter((environment) -> environment.service().name().equals("auth-server"))
			.findFirst()
			.map((environment) -> environment.properties().get("orderflow.auth.issuer"))
			.orElseThrow();
		for (ServiceEnvironment environment : environments) {
			if (environment.service().needs().contains(Need.JWT)) {
				Map<String, String> properties = environment.properties();
				assertThat(SpringProperties.valueOf(properties, "spring.security.oauth2.resourceserver.jwt.issuer-uri"))
					.as(environment.where())
					.hasValue(issuer);
				assertThat(
						SpringProperties.valueOf(properties, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
					.as(environment.where())
					.hasValue(issuer + "/oauth2/jwks");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void secretsAreOnlyReferenced(Manifests manifests) {
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> workload : manifests.workloads()) {
			for (Map<String, Object> container : Manifests.containers(workload)) {
				for (Object each : YamlDocuments.asList(container.get("env"))) {
					Map<String, Object> variable = YamlDocuments.asMap(each);
					String name = String.valueOf(variable.get("name"));
					if (ServiceEnvironment.namesASecret(name)
							&& YamlDocuments.at(variable, "valueFrom", "secretKeyRef") == null) {
						problems.add(Manifests.name(workload) + ": " + name + " is no secretKeyRef");
					}
				}
			}
		}
		for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
			YamlDocuments.asMap(configMap.get("data")).forEach((key, value) -> {
				Map<String, Object> flat = (key.endsWith(".yml") || key.endsWith(".yaml"))
						? YamlDocuments.flatten(YamlDocuments.one(String.valueOf(value))) : Map.of(key, value);
				flat.keySet()
					.stream()
					.filter(ServiceEnvironment::namesASecret)
					.forEach((secret) -> problems.add("ConfigMap " + Manifests.name(configMap) + " holds " + secret));
			});
		}
		manifests.ofKind("Secret").forEach((secret) -> problems.add("Secret " + Manifests.name(secret) + " committed"));
		assertThat(problems).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyStatelessServiceScalesAutomaticallyAndHasADisruptionBudget(Manifests manifests) {
		for (OrderflowService service : kubernetesServices(manifests)) {
			if (service.name().equals("payment-provider")) {
				continue;
			}
			Map<String, Object> deployment = deployment(manifests, service);
			assertThat(YamlDocuments.asMap(deployment.get("spec")))
				.as("%s: the autoscaler owns replicas", service.name())
				.doesNotContainKey("replicas");
			Map<String, Object> autoscaler = manifests.ofKind("HorizontalPodAutoscaler")
				.stream()
				.filter((hpa) -> service.name().equals(YamlDocuments.at(hpa, "spec", "scaleTargetRef", "name")))
				.findFirst()
				.orElseThrow(
						() -> new AssertionError(manifests + ": no HorizontalPodAutoscaler for " + service.name()));
			int min = (Integer) YamlDocuments.at(autoscaler, "spec", "minReplicas");
			int max = (Integer) YamlDocuments.at(autoscaler, "spec", "maxReplicas");
			assertThat(min).as("minReplicas of %s", service.name()).isPositive().isLessThanOrEqualTo(max);
			assertThat(manifests.ofKind("PodDisruptionBudget"))
				.as("a PodDisruptionBudget selecting %s's pods", service.name())
				.anyMatch((pdb) -> Manifests.podLabels(deployment)
					.entrySet()
					.containsAll(
							YamlDocuments.asMap(YamlDocuments.at(pdb, "spec", "selector", "matchLabels")).entrySet()));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void everyServiceShutsDownGracefullyWithinItsGracePeriod(Manifests manifests) {
		for (OrderflowService service : kubernetesServices(manifests)) {
			if (service.name().equals("payment-provider")) {
				// The simulator does not shut down gracefully (its application.yml), and
				// production does not run it.
				continue;
			}
			assertThat(service.gracefulShutdown()).as("%s: server.shutdown=graceful", service.name()).isTrue();
			Map<String, Object> deployment = deployment(manifests, service);
			Map<String, Object> container = container(deployment, service);
			Object grace = Manifests.podSpec(deployment).get("terminationGracePeriodSeconds");
			long gracePeriod = (grace != null) ? ((Number) grace).longValue() : 30;
			Object sleep = YamlDocuments.at(container, "lifecycle", "preStop", "sleep", "seconds");
			long preStop = (sleep != null) ? ((Number) sleep).longValue() : 0;
			String phase = manifests.environment(container)
				.getOrDefault("SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE", "30s");
			long shutdown = Duration.parse("PT" + phase.toUpperCase(java.util.Locale.ROOT)).toSeconds();
			assertThat(gracePeriod)
				.as("%s: grace period > preStop %ss + shutdown phase %ss", service.name(), preStop, shutdown)
				.isGreaterThan(preStop + shutdown);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifests")
	void dataStoresAreOperatorResourcesTheServicesPointAt(Manifests manifests) {
		assertThat(manifests.ofKind("Kafka")).hasSize(1);
		assertThat(manifests.ofKind("KafkaNodePool")).isNotEmpty();
		assertThat(manifests.ofKind("Cluster")).hasSize(1);
		assertThat(manifests.ofKind("Elasticsearch")).hasSize(1);
		assertThat(manifests.ofKind("MongoDBCommunity")).hasSize(1);
		Map<String, Object> cluster = manifests.ofKind("Cluster").get(0);
		for (ServiceEnvironment environment : environments(manifests)) {
			if (!environment.service().needs().contains(Need.POSTGRES)) {
				continue;
			}
			String url = environment.properties().get("spring.datasource.url");
			String database = url.substring(url.lastIndexOf('/') + 1);
			String owner = databaseOwner(manifests, cluster, database).orElseThrow(
					() -> new AssertionError(environment.where() + ": the cluster has no database " + database));
			assertThat(environment.variables().get("SPRING_DATASOURCE_PASSWORD")).as(environment.where())
				.isEqualTo("secretKeyRef:" + ownerSecret(cluster, owner) + "/password");
		}
		Map<String, Object> mongo = manifests.ofKind("MongoDBCommunity").get(0);
		Map<String, Object> user = YamlDocuments
			.asMap(YamlDocuments.asList(YamlDocuments.at(mongo, "spec", "users")).get(0));
		String connectionSecret = Manifests.name(mongo) + "-" + user.get("db") + "-" + user.get("name");
		environments(manifests).stream()
			.filter((environment) -> environment.service().needs().contains(Need.MONGO))
			.forEach((environment) -> assertThat(environment.variables().get("SPRING_MONGODB_URI"))
				.isEqualTo("secretKeyRef:" + connectionSecret + "/connectionString.standard"));
	}

	private static Optional<String> databaseOwner(Manifests manifests, Map<String, Object> cluster, String database) {
		if (database.equals(YamlDocuments.at(cluster, "spec", "bootstrap", "initdb", "database"))) {
			return Optional.of(String.valueOf(YamlDocuments.at(cluster, "spec", "bootstrap", "initdb", "owner")));
		}
		return manifests.ofKind("Database")
			.stream()
			.filter((resource) -> database.equals(YamlDocuments.at(resource, "spec", "name")))
			.map((resource) -> String.valueOf(YamlDocuments.at(resource, "spec", "owner")))
			.findFirst();
	}

	private static String ownerSecret(Map<String, Object> cluster, String owner) {
		if (owner.equals(YamlDocuments.at(cluster, "spec", "bootstrap", "initdb", "owner"))) {
			return String.valueOf(YamlDocuments.at(cluster, "spec", "bootstrap", "initdb", "secret", "name"));
		}
		return YamlDocuments.asList(YamlDocuments.at(cluster, "spec", "managed", "roles"))
			.stream()
			.map(YamlDocuments::asMap)
			.filter((role) -> owner.equals(role.get("name")))
			.map((role) -> String.valueOf(YamlDocuments.at(role, "passwordSecret", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No managed role " + owner));
	}

	private static boolean servesOn(Manifests manifests, Addresses.Address address) {
		Optional<Map<String, Object>> service = manifests.find("Service", address.host());
		if (service.isPresent()) {
			return servicePorts(service.get()).contains(address.port());
		}
		// Services the operators create: <kafka>-kafka-bootstrap, <cluster>-rw,
		// <es>-es-http.
		Map<String, String> suffixes = Map.of("Kafka", "-kafka-bootstrap", "Cluster", "-rw", "Elasticsearch",
				"-es-http");
		return suffixes.entrySet()
			.stream()
			.anyMatch((suffix) -> manifests.ofKind(suffix.getKey())
				.stream()
				.anyMatch((resource) -> (Manifests.name(resource) + suffix.getValue()).equals(address.host())
						&& OPERATOR_SERVICES.get(suffix.getKey()) == address.port()));
	}

	private static Set<Integer> servicePorts(Map<String, Object> service) {
		return Set.copyOf(YamlDocuments.asList(YamlDocuments.at(service, "spec", "ports"))
			.stream()
			.map((port) -> (Integer) YamlDocuments.asMap(port).get("port"))
			.toList());
	}

	private static List<OrderflowService> kubernetesServices(Manifests manifests) {
		List<OrderflowService> services = new ArrayList<>();
		for (OrderflowService service : OrderflowService.ALL) {
			if (service.onKubernetes() && (manifests.find("Deployment", service.name()).isPresent()
					|| !service.name().equals("payment-provider"))) {
				services.add(service);
			}
		}
		return services;
	}

	private static Map<String, Object> deployment(Manifests manifests, OrderflowService service) {
		return manifests.find("Deployment", service.name())
			.orElseThrow(() -> new AssertionError(manifests + ": no Deployment " + service.name()));
	}

	private static Map<String, Object> container(Map<String, Object> deployment, OrderflowService service) {
		return Manifests.containers(deployment)
			.stream()
			.filter((container) -> service.name().equals(container.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("Deployment " + service.name() + " has no container of that name"));
	}

	private static int httpPort(Map<String, Object> container) {
		return YamlDocuments.asList(container.get("ports"))
			.stream()
			.map(YamlDocuments::asMap)
			.filter((port) -> "http".equals(port.get("name")))
			.map((port) -> (Integer) port.get("containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No port named http in " + container.get("name")));
	}

	private static List<ServiceEnvironment> environments(Manifests manifests) {
		List<ServiceEnvironment> environments = new ArrayList<>();
		for (OrderflowService service : kubernetesServices(manifests)) {
			Map<String, Object> deployment = deployment(manifests, service);
			Map<String, Object> container = container(deployment, service);
			environments.add(new ServiceEnvironment(manifests + " " + service.name(), service,
					manifests.environment(container), manifests.mountedConfiguration(deployment, container)));
		}
		return environments;
	}

}
