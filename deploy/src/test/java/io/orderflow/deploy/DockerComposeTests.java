package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml runs every service on the real servers: healthy before anything
 * depends on it, pinned, bounded, configured with properties the services really have,
 * addressed by the names and ports they really use, with no secret in the file.
 */
class DockerComposeTests {

	/** What the infrastructure containers listen on inside the network. */
	private static final Map<String, Set<Integer>> INFRASTRUCTURE_PORTS = Map.of("kafka", Set.of(9092), "postgres",
			Set.of(5432), "mongo", Set.of(27017), "elasticsearch", Set.of(9200), "redis", Set.of(6379), "jaeger",
			Set.of(4317, 4318, 16686));

	/** The compose service that satisfies each need. */
	private static final Map<Need, String> PROVIDERS = Map.of(Need.KAFKA, "kafka", Need.POSTGRES, "postgres",
			Need.MONGO, "mongo", Need.ELASTICSEARCH, "elasticsearch", Need.REDIS, "redis", Need.DISCOVERY_CLIENT,
			"discovery", Need.JWT, "auth-server", Need.PAYMENT_PROVIDER, "payment-provider");

	/** Started is enough: tracing must never keep the system from starting. */
	private static final Set<String> STARTED_IS_ENOUGH = Set.of("jaeger");

	/**
	 * Published, and to whom: the gateway to clients, the rest to operators on this host.
	 */
	private static final Map<String, String> PUBLISHED = Map.of("gateway", "8080:8080", "jaeger",
			"127.0.0.1:16686:16686", "discovery", "127.0.0.1:8761:8761");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?[?-][^}]*)?}");

	private static final Pattern FROM_ENV_FILE = Pattern.compile("\\$\\{[A-Z0-9_]+(:?\\?[^}]*)?}");

	private final Compose compose = Compose.load();

	@Test
	void everyServiceHasAHealthcheck() {
		for (String name : this.compose.serviceNames()) {
			assertThat(this.compose.healthcheck(name)).as("healthcheck of %s", name).isNotBlank();
		}
	}

	@Test
	void everyOrderflowServiceIsHealthCheckedThroughActuatorOnItsOwnPort() {
		for (String name : this.compose.serviceNames()) {
			this.compose.orderflowService(name).ifPresent((service) -> {
				int port = this.compose.port(name, service);
				assertThat(this.compose.healthcheck(name)).as("healthcheck of %s", name)
					.contains("127.0.0.1:" + port + "/actuator/health/readiness");
				assertThat(YamlDocuments.string(YamlDocuments.at(this.compose.service(name), "build", "args", "PORT")))
					.as("PORT build argument (the image's SERVER_PORT and HEALTHCHECK) of %s", name)
					.isEqualTo(Integer.toString(port));
			});
		}
	}

	@Test
	void everyOrderflowServiceIsBuiltByTheSharedDockerfileFromItsModule() {
		Set<String> built = new LinkedHashSet<>();
		for (String name : this.compose.serviceNames()) {
			Map<String, Object> build = YamlDocuments.asMap(this.compose.service(name).get("build"));
			if (build.isEmpty()) {
				continue;
			}
			assertThat(build.get("dockerfile")).as("Dockerfile of %s", name).isEqualTo("deploy/docker/Dockerfile");
			Map<String, Object> arguments = YamlDocuments.asMap(build.get("args"));
			OrderflowService service = OrderflowService.of(String.valueOf(arguments.get("SERVICE")));
			assertThat(arguments.get("MODULE_DIR")).as("MODULE_DIR of %s", name).isEqualTo(service.module());
			assertThat(Repository.read(service.module() + "/pom.xml"))
				.as("%s/pom.xml builds %s-<version>.jar", service.module(), service.name())
				.contains("<artifactId>" + service.name() + "</artifactId>");
			built.add(service.name());
		}
		assertThat(built)
			.containsExactlyInAnyOrderElementsOf(OrderflowService.ALL.stream().map(OrderflowService::name).toList());
	}

	@Test
	void everyImageIsPinned() {
		for (String name : this.compose.serviceNames()) {
			Map<String, Object> service = this.compose.service(name);
			String image = YamlDocuments.string(service.get("image"));
			assertThat(image).as("image of %s", name).isNotNull();
			if (service.containsKey("build")) {
				// Built here from this checkout: tagged with the version, never latest.
				assertThat(image).as("image of %s", name).doesNotEndWith(":latest").contains(":");
			}
			else {
				assertThat(Images.pinned(image)).as("%s: image %s has a concrete version tag", name, image).isTrue();
			}
		}
	}

	@Test
	void everyServiceStartsOnlyOnceWhatItDependsOnIsHealthy() {
		for (String name : this.compose.serviceNames()) {
			Map<String, Object> dependsOn = this.compose.dependsOn(name);
			dependsOn.forEach((dependency, options) -> {
				assertThat(this.compose.serviceNames()).as("%s depends on %s", name, dependency).contains(dependency);
				String condition = YamlDocuments.string(YamlDocuments.asMap(options).get("condition"));
				assertThat(condition).as("%s waits for %s", name, dependency)
					.isEqualTo(STARTED_IS_ENOUGH.contains(dependency) ? "service_started" : "service_healthy");
			});
			this.compose.orderflowService(name)
				.ifPresent((service) -> service.needs()
					.stream()
					.filter(PROVIDERS::containsKey)
					.forEach((need) -> assertThat(dependsOn).as("%s needs %s", name, need)
						.containsKey(PROVIDERS.get(need))));
		}
		assertThat(this.compose.dependsOn("gateway")).as("the gateway starts last")
			.containsKeys(GatewayRoutes.targets().toArray(String[]::new));
	}

	@Test
	void everyServiceRestartsAndHasAMemoryLimit() {
		for (String name : this.compose.serviceNames()) {
			Map<String, Object> service = this.compose.service(name);
			assertThat(YamlDocuments.string(service.get("restart"))).as("restart policy of %s", name)
				.isIn("always", "unless-stopped", "on-failure");
			Object limit = (service.get("mem_limit") != null) ? service.get("mem_limit")
					: YamlDocuments.at(service, "deploy", "resources", "limits", "memory");
			assertThat(limit).as("memory limit of %s", name).isNotNull();
		}
	}

	@Test
	void onlyTheGatewayAndTheOperatorUisArePublished() {
		for (String name : this.compose.serviceNames()) {
			List<String> ports = YamlDocuments.asList(this.compose.service(name).get("ports"))
				.stream()
				.map(String::valueOf)
				.toList();
			if (PUBLISHED.containsKey(name)) {
				assertThat(ports).as("ports of %s", name).containsExactly(PUBLISHED.get(name));
			}
			else {
				assertThat(ports).as("ports of %s", name).isEmpty();
			}
		}
	}

	@Test
	void everyEnvironmentVariableNamesAPropertyTheServiceHas() {
		List<String> problems = new ArrayList<>();
		environments().forEach((environment) -> problems.addAll(environment.unknownProperties()));
		assertThat(problems).isEmpty();
	}

	@Test
	void everyServiceGetsThePropertiesItNeeds() {
		List<String> problems = new ArrayList<>();
		environments().forEach((environment) -> problems.addAll(environment.missingProperties()));
		assertThat(problems).isEmpty();
	}

	@Test
	void listsSetFromTheEnvironmentAreGivenWhole() {
		List<String> problems = new ArrayList<>();
		environments().forEach((environment) -> problems.addAll(environment.partialListOverrides()));
		assertThat(problems).isEmpty();
	}

	@Test
	void everyAddressNamesAComposeServiceOnThePortItListensOn() {
		List<String> problems = new ArrayList<>();
		for (ServiceEnvironment environment : environments()) {
			environment.properties().forEach((property, value) -> Addresses.in(value).forEach((address) -> {
				if (!listensOn(address.host(), address.port())) {
					problems.add(environment.where() + ": " + property + " names " + address
							+ ", which no compose service listens on");
				}
			}));
			environment.variables()
				.entrySet()
				.stream()
				.filter((variable) -> variable.getKey().startsWith("OTEL_EXPORTER_OTLP"))
				.forEach((variable) -> Addresses.in(variable.getValue()).forEach((address) -> {
					if (!listensOn(address.host(), address.port())) {
						problems.add(environment.where() + ": " + variable.getKey() + " names " + address);
					}
				}));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyGatewayRouteTargetsAComposeServiceRegisteredUnderThatName() {
		for (String target : GatewayRoutes.targets()) {
			assertThat(this.compose.serviceNames()).as("lb://%s", target).contains(target);
			assertThat(this.compose.orderflowService(target)).as("lb://%s runs the service of that name", target)
				.hasValueSatisfying((service) -> assertThat(service.name()).isEqualTo(target));
			assertThat(environment(target).missingProperties()).as("lb://%s is registered with Eureka", target)
				.isEmpty();
		}
	}

	@Test
	void servicesAcceptTheTokensTheAuthServerIssues() {
		String issuer = environment("auth-server").properties().get("orderflow.auth.issuer");
		assertThat(issuer).isNotBlank();
		for (ServiceEnvironment environment : environments()) {
			if (environment.service().needs().contains(Need.JWT)) {
				Map<String, String> properties = environment.properties();
				assertThat(SpringProperties.valueOf(properties, "spring.security.oauth2.resourceserver.jwt.issuer-uri"))
					.as("issuer-uri of %s", environment.where())
					.hasValue(issuer);
				assertThat(
						SpringProperties.valueOf(properties, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
					.as("jwk-set-uri of %s", environment.where())
					.hasValue(issuer + "/oauth2/jwks");
			}
		}
	}

	@Test
	void secretsComeFromTheEnvFileAndAreNeverWrittenHere() {
		List<String> problems = new ArrayList<>();
		for (String name : this.compose.serviceNames()) {
			Map<String, String> variables = this.compose.environment(name);
			variables.forEach((variable, value) -> {
				if (ServiceEnvironment.namesASecret(variable)
						&& (value == null || !FROM_ENV_FILE.matcher(value).matches())) {
					problems.add(name + ": " + variable + " is not ${VAR} from .env");
				}
			});
			Map<String, String> properties = this.compose.orderflowService(name)
				.map((service) -> SpringProperties.fromEnvironment(service, variables))
				.orElse(Map.of());
			properties.forEach((property, value) -> {
				if (ServiceEnvironment.namesASecret(property) && !FROM_ENV_FILE.matcher(value).matches()) {
					problems.add(name + ": " + property + " is not ${VAR} from .env");
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyVariableTheComposeFileReadsIsInTheEnvExampleAndDotEnvIsIgnored() {
		Set<String> read = new LinkedHashSet<>();
		String withoutComments = Repository.read(Compose.FILE).replaceAll("(?m)^\\s*#.*$", "");
		Matcher matcher = VARIABLE.matcher(withoutComments);
		while (matcher.find()) {
			read.add(matcher.group(1));
		}
		Set<String> example = new LinkedHashSet<>();
		for (String line : Repository.read(".env.example").lines().toList()) {
			if (!line.isBlank() && !line.startsWith("#")) {
				example.add(line.substring(0, line.indexOf('=')).trim());
			}
		}
		assertThat(example).containsAll(read);
		assertThat(Repository.read(".gitignore").lines()).contains(".env");
	}

	@Test
	void theScaleProfileRunsASecondOrderServiceAndPaymentService() {
		Map<String, String> seconds = Map.of("order-service-2", "order-service", "payment-service-2",
				"payment-service");
		seconds.forEach((second, first) -> {
			assertThat(this.compose.profiles(second)).containsExactly("scale");
			assertThat(this.compose.service(second).get("image")).isEqualTo(this.compose.service(first).get("image"));
			assertThat(this.compose.environment(second)).isEqualTo(this.compose.environment(first));
			assertThat(this.compose.service(second)).doesNotContainKeys("ports", "container_name");
		});
		this.compose.serviceNames()
			.stream()
			.filter((name) -> !seconds.containsKey(name))
			.forEach((name) -> assertThat(this.compose.profiles(name)).as("profiles of %s", name).isEmpty());
	}

	private boolean listensOn(String host, int port) {
		if (!this.compose.serviceNames().contains(host)) {
			return false;
		}
		if (INFRASTRUCTURE_PORTS.containsKey(host)) {
			return INFRASTRUCTURE_PORTS.get(host).contains(port);
		}
		return this.compose.orderflowService(host)
			.map((service) -> this.compose.port(host, service) == port)
			.orElse(false);
	}

	private ServiceEnvironment environment(String name) {
		OrderflowService service = this.compose.orderflowService(name)
			.orElseThrow(() -> new IllegalArgumentException(name + " runs no orderflow service"));
		return new ServiceEnvironment(name, service, this.compose.environment(name), Map.of());
	}

	private List<ServiceEnvironment> environments() {
		return this.compose.serviceNames()
			.stream()
			.filter((name) -> this.compose.orderflowService(name).isPresent())
			.map(this::environment)
			.toList();
	}

}
