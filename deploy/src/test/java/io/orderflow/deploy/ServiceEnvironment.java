package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one deployed service is given: its environment variables, and properties from
 * configuration files mounted for it. Knows the rules every deployment follows.
 *
 * @param where the compose service or Kubernetes workload, for messages
 * @param service the orderflow service it runs
 * @param variables the environment (a secret reference stands as the value)
 * @param fileProperties properties from mounted configuration files
 */
record ServiceEnvironment(String where, OrderflowService service, Map<String, String> variables,
		Map<String, String> fileProperties) {

	private static final Set<String> SECRET_PARTS = Set.of("TOKEN", "CREDENTIAL", "CREDENTIALS", "APIKEY",
			"PRIVATEKEY");

	private static final Pattern INDEXED = Pattern.compile("(.+?)\\.(\\d+)(\\..+)?");

	/**
	 * Whether a variable or property holds a secret: a name part ending in PASSWORD or
	 * SECRET, or one that is TOKEN, CREDENTIALS, APIKEY or PRIVATEKEY ({@code TOKENURI}
	 * is an address, not a token).
	 */
	static boolean namesASecret(String name) {
		for (String part : name.toUpperCase(Locale.ROOT).replace("PRIVATE_KEY", "PRIVATEKEY").split("[_.\\-\\[\\]]")) {
			if (part.endsWith("PASSWORD") || part.endsWith("SECRET") || SECRET_PARTS.contains(part)) {
				return true;
			}
		}
		return false;
	}

	Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>(this.fileProperties);
		properties.putAll(SpringProperties.fromEnvironment(this.service, this.variables));
		return properties;
	}

	/** Properties the service does not have, or may not set. */
	List<String> unknownProperties() {
		List<String> problems = new ArrayList<>();
		for (String property : properties().keySet()) {
			SpringProperties.problem(this.service, property)
				.ifPresent((problem) -> problems.add(this.where + ": " + problem));
		}
		if (this.variables.containsKey("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE")) {
			problems.add(this.where + ": EUREKA_CLIENT_SERVICEURL_DEFAULTZONE binds the map key \"defaultzone\","
					+ " which Eureka never reads; set eureka.client.service-url.defaultZone through"
					+ " SPRING_APPLICATION_JSON or a configuration file");
		}
		return problems;
	}

	/** Properties the service needs (its needs, tracing) that are not set. */
	List<String> missingProperties() {
		Map<String, String> properties = properties();
		List<String> problems = new ArrayList<>();
		for (Need need : this.service.needs()) {
			for (String required : need.requiredProperties()) {
				Optional<String> value = SpringProperties.valueOf(properties, required);
				if (value.isEmpty() || value.get().isBlank()) {
					problems.add(this.where + ": needs " + required + " (" + need + ")");
				}
			}
		}
		if (this.service.needs().contains(Need.DISCOVERY_CLIENT) && !registersWithEureka(properties)
				&& !"false".equals(SpringProperties.valueOf(properties, "eureka.client.enabled").orElse(null))) {
			problems
				.add(this.where + ": neither eureka.client.service-url.defaultZone nor eureka.client.enabled=false");
		}
		problems.addAll(missingTracing());
		if ("true".equals(
				SpringProperties.valueOf(properties, "orderflow.search.opensearch-compatibility").orElse("false"))) {
			problems.add(this.where + ": orderflow.search.opensearch-compatibility=true against Elasticsearch");
		}
		return problems;
	}

	/** The agent in the JVM, exporting OTLP under the service's own name. */
	List<String> missingTracing() {
		List<String> problems = new ArrayList<>();
		if (!this.variables.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("-javaagent:")) {
			problems.add(this.where + ": JAVA_TOOL_OPTIONS does not load the OpenTelemetry agent");
		}
		expect(problems, "OTEL_SERVICE_NAME", this.service.name());
		expect(problems, "OTEL_TRACES_EXPORTER", "otlp");
		if (this.variables.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "").isBlank()) {
			problems.add(this.where + ": no OTEL_EXPORTER_OTLP_ENDPOINT");
		}
		return problems;
	}

	/**
	 * Lists set from the environment that do not repeat the whole list of
	 * application.yml: Spring Boot replaces a list as a whole, so setting
	 * clients[0].secret alone would leave a client without id or scopes, and drop the
	 * others.
	 */
	List<String> partialListOverrides() {
		Set<String> given = new LinkedHashSet<>();
		properties().keySet().forEach((property) -> given.add(SpringProperties.uniform(property)));
		Set<String> lists = new LinkedHashSet<>();
		for (String property : given) {
			Matcher indexed = INDEXED.matcher(property);
			if (indexed.matches()) {
				lists.add(indexed.group(1));
			}
		}
		List<String> problems = new ArrayList<>();
		for (String key : YamlDocuments.flatten(this.service.applicationYaml()).keySet()) {
			String uniform = SpringProperties.uniform(key);
			for (String list : lists) {
				Matcher element = Pattern.compile(Pattern.quote(list) + "\\.(\\d+)(\\.[^.]+)?(\\..*)?")
					.matcher(uniform);
				if (element.matches()) {
					String expected = list + "." + element.group(1)
							+ ((element.group(2) != null) ? element.group(2) : "");
					if (!given.contains(expected)) {
						problems.add(this.where + ": sets " + list + " from the environment but not " + expected
								+ ", which application.yml has; a list is replaced as a whole");
					}
				}
			}
		}
		return problems.stream().distinct().toList();
	}

	private boolean registersWithEureka(Map<String, String> properties) {
		// The key must keep its case: Eureka reads "defaultZone" only.
		return properties.entrySet()
			.stream()
			.anyMatch((entry) -> SpringProperties.uniform(entry.getKey()).equals("eureka.client.serviceurl.defaultzone")
					&& entry.getKey().endsWith(".defaultZone") && !entry.getValue().isBlank());
	}

	private void expect(List<String> problems, String variable, String expected) {
		String actual = this.variables.get(variable);
		if (!expected.equals(actual)) {
			problems.add(this.where + ": " + variable + " is " + actual + ", expected " + expected);
		}
	}

}
