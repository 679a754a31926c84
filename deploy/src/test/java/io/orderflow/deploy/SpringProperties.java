package io.orderflow.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;

/**
 * Which Spring Boot properties exist, to check the names a deployment sets: the
 * configuration metadata of the Spring Boot and Spring Cloud jars on this module's test
 * classpath, each service's application.yml, and its own {@code @ConfigurationProperties}
 * records. Environment variables map to property names by Boot's relaxed binding
 * ({@code SPRING_DATASOURCE_URL} is {@code spring.datasource.url}).
 */
final class SpringProperties {

	/** Environment variables that are no Spring properties. */
	private static final Set<String> OTHER_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	private static final String APPLICATION_JSON = "SPRING_APPLICATION_JSON";

	private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
			"@ConfigurationProperties\\(\"([^\"]+)\"\\).*?record\\s+\\w+\\s*\\((.*?)\\)\\s*(?:implements[^{]*)?\\{",
			Pattern.DOTALL);

	private static final Metadata METADATA = Metadata.load();

	private SpringProperties() {
	}

	static boolean isSpringVariable(String variable) {
		return !OTHER_VARIABLES.contains(variable) && !variable.startsWith("OTEL_");
	}

	/**
	 * The properties an environment sets for {@code service}: each Spring variable under
	 * the property it binds, and the leaves of {@code SPRING_APPLICATION_JSON}.
	 */
	static Map<String, String> fromEnvironment(OrderflowService service, Map<String, String> environment) {
		Map<String, String> properties = new LinkedHashMap<>();
		environment.forEach((variable, value) -> {
			if (variable.equals(APPLICATION_JSON)) {
				YamlDocuments.flatten(YamlDocuments.one(value))
					.forEach((name, leaf) -> properties.put(name, YamlDocuments.string(leaf)));
			}
			else if (isSpringVariable(variable)) {
				properties.put(propertyOf(service, variable), value);
			}
		});
		return properties;
	}

	/**
	 * The property a variable binds: {@code _} separates names
	 * ({@code SPRING_DATASOURCE_URL} is {@code spring.datasource.url}), or, in Boot's
	 * legacy form, stands for a dash as well ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}
	 * binds {@code spring.kafka.bootstrap-servers}). The first reading {@code service}
	 * has wins; if none, the plain one (which a check then reports as unknown).
	 */
	static String propertyOf(OrderflowService service, String variable) {
		String[] segments = variable.toLowerCase(Locale.ROOT).split("_");
		String plain = String.join(".", segments);
		List<String> readings = new ArrayList<>();
		for (int dashes = 0; dashes < (1 << Math.min(segments.length - 1, 12)); dashes++) {
			StringBuilder reading = new StringBuilder(segments[0]);
			for (int i = 1; i < segments.length; i++) {
				reading.append(((dashes & (1 << (i - 1))) != 0) ? '-' : '.').append(segments[i]);
			}
			readings.add(reading.toString());
		}
		readings.sort(Comparator.comparingLong((reading) -> reading.chars().filter((c) -> c == '-').count()));
		return readings.stream().filter((reading) -> known(service, reading)).findFirst().orElse(plain);
	}

	/**
	 * A name in the form binding compares: lower case, no dashes, indexes as segments.
	 */
	static String uniform(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("[", ".").replace("]", "");
	}

	/** The value set for {@code property} (any relaxed spelling), if any. */
	static Optional<String> valueOf(Map<String, String> properties, String property) {
		String wanted = uniform(property);
		return properties.entrySet()
			.stream()
			.filter((entry) -> uniform(entry.getKey()).equals(wanted))
			.map(Map.Entry::getValue)
			.findFirst();
	}

	/**
	 * Why {@code service} would not bind {@code property}, or empty if it would: the name
	 * is unknown to the service, or belongs to infrastructure it does not use.
	 */
	static Optional<String> problem(OrderflowService service, String property) {
		String name = uniform(property);
		for (String family : Need.INFRASTRUCTURE_FAMILIES) {
			if (name.startsWith(uniform(family) + ".")
					&& service.needs().stream().noneMatch((need) -> need.families().contains(family))) {
				return Optional.of(property + " configures " + family + ", which " + service.name() + " does not use");
			}
		}
		if (known(service, property)) {
			return Optional.empty();
		}
		return Optional.of(property + " is no property of " + service.name()
				+ " (not in Spring Boot's or Spring Cloud's metadata, its application.yml or its @ConfigurationProperties)");
	}

	private static boolean known(OrderflowService service, String property) {
		String name = uniform(property);
		return METADATA.knows(name) || knownToApplicationYaml(service, name) || knownToRecords(service, name);
	}

	private static boolean knownToApplicationYaml(OrderflowService service, String name) {
		for (String key : YamlDocuments.flatten(service.applicationYaml()).keySet()) {
			String known = uniform(key);
			// A whole list at once (a comma-separated value for scopes[0], scopes[1],
			// ...).
			if (known.equals(name) || known.matches(Pattern.quote(name) + "\\.\\d+(\\..*)?")) {
				return true;
			}
		}
		return false;
	}

	private static boolean knownToRecords(OrderflowService service, String name) {
		for (String known : recordProperties(service)) {
			String uniform = uniform(known);
			if (name.equals(uniform) || name.startsWith(uniform + ".")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code prefix.component-name} of every @ConfigurationProperties record in the
	 * module.
	 */
	static List<String> recordProperties(OrderflowService service) {
		Path sources = Repository.path(service.module() + "/src/main/java");
		List<String> properties = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = CONFIGURATION_PROPERTIES.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					for (String component : topLevel(matcher.group(2))) {
						String[] words = component.trim().split("\\s+");
						properties.add(matcher.group(1) + "." + kebab(words[words.length - 1]));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private static List<String> topLevel(String components) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		StringBuilder current = new StringBuilder();
		for (char c : components.toCharArray()) {
			if (c == '<' || c == '(') {
				depth++;
			}
			else if (c == '>' || c == ')') {
				depth--;
			}
			if (c == ',' && depth == 0) {
				parts.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		if (!current.isEmpty()) {
			parts.add(current.toString());
		}
		return parts;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/** The properties of the metadata files on the classpath. */
	private record Metadata(Set<String> properties, Set<String> containers) {

		/** Exactly a property, or inside a map- or collection-valued one. */
		boolean knows(String uniformName) {
			if (this.properties.contains(uniformName)) {
				return true;
			}
			int dot = uniformName.lastIndexOf('.');
			while (dot > 0) {
				if (this.containers.contains(uniformName.substring(0, dot))) {
					return true;
				}
				dot = uniformName.lastIndexOf('.', dot - 1);
			}
			return false;
		}

		static Metadata load() {
			Set<String> properties = new HashSet<>();
			Set<String> containers = new HashSet<>();
			ClassLoader classLoader = SpringProperties.class.getClassLoader();
			try {
				for (String resource : List.of("META-INF/spring-configuration-metadata.json",
						"META-INF/additional-spring-configuration-metadata.json")) {
					for (URL url : Collections.list(classLoader.getResources(resource))) {
						try (InputStream in = url.openStream()) {
							Map<String, Object> metadata = JsonPath.parse(in).json();
							for (Object each : YamlDocuments.asList(metadata.get("properties"))) {
								Map<String, Object> entry = YamlDocuments.asMap(each);
								String name = uniform(String.valueOf(entry.get("name")));
								properties.add(name);
								String type = String.valueOf(entry.get("type"));
								if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
										|| type.startsWith("java.util.Set") || type.endsWith("[]")) {
									containers.add(name);
								}
							}
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (properties.isEmpty()) {
				throw new IllegalStateException("No Spring Boot configuration metadata on the test classpath");
			}
			return new Metadata(properties, containers);
		}

	}

}
