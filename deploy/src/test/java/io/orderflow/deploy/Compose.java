package io.orderflow.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** docker-compose.yml, read as Compose reads it (anchors and merge keys resolved). */
final class Compose {

	static final String FILE = "docker-compose.yml";

	private final Map<String, Object> file;

	private Compose(Map<String, Object> file) {
		this.file = file;
	}

	static Compose load() {
		return new Compose(YamlDocuments.one(Repository.read(FILE)));
	}

	Map<String, Object> services() {
		return YamlDocuments.asMap(this.file.get("services"));
	}

	Set<String> serviceNames() {
		return services().keySet();
	}

	Map<String, Object> service(String name) {
		Map<String, Object> service = YamlDocuments.asMap(services().get(name));
		if (service.isEmpty()) {
			throw new IllegalArgumentException("docker-compose.yml has no service " + name);
		}
		return service;
	}

	/** The environment as a map, whether written as a map or as a list of NAME=value. */
	Map<String, String> environment(String name) {
		Object environment = service(name).get("environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> map) {
			map.forEach((key, value) -> variables.put(String.valueOf(key), YamlDocuments.string(value)));
		}
		else {
			for (Object entry : YamlDocuments.asList(environment)) {
				String[] pair = String.valueOf(entry).split("=", 2);
				variables.put(pair[0], (pair.length > 1) ? pair[1] : null);
			}
		}
		return variables;
	}

	/** The {@link OrderflowService} a compose service runs, if it runs one (by build). */
	Optional<OrderflowService> orderflowService(String name) {
		Object serviceArgument = YamlDocuments.at(service(name), "build", "args", "SERVICE");
		return (serviceArgument != null) ? OrderflowService.named(String.valueOf(serviceArgument)) : Optional.empty();
	}

	/** The port the service listens on: SERVER_PORT, else its application.yml default. */
	int port(String name, OrderflowService service) {
		String serverPort = environment(name).get("SERVER_PORT");
		return (serverPort != null) ? Integer.parseInt(serverPort) : service.defaultPort();
	}

	/** The healthcheck's command as one string ("" if none). */
	String healthcheck(String name) {
		Map<String, Object> healthcheck = YamlDocuments.asMap(service(name).get("healthcheck"));
		if (Boolean.TRUE.equals(healthcheck.get("disable"))) {
			return "";
		}
		Object test = healthcheck.get("test");
		List<Object> command = YamlDocuments.asList(test);
		if (!command.isEmpty()) {
			if ("NONE".equals(command.get(0))) {
				return "";
			}
			return String.join(" ", command.subList(1, command.size()).stream().map(String::valueOf).toList());
		}
		return (test != null) ? String.valueOf(test) : "";
	}

	Map<String, Object> dependsOn(String name) {
		Object dependsOn = service(name).get("depends_on");
		if (dependsOn instanceof List<?> list) {
			// The short form: started, not healthy.
			Map<String, Object> conditions = new LinkedHashMap<>();
			list.forEach((dependency) -> conditions.put(String.valueOf(dependency), Map.of()));
			return conditions;
		}
		return YamlDocuments.asMap(dependsOn);
	}

	List<String> profiles(String name) {
		return YamlDocuments.asList(service(name).get("profiles")).stream().map(String::valueOf).toList();
	}

}
