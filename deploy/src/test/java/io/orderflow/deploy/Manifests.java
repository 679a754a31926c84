package io.orderflow.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes objects: the base's files as written, or an overlay as kustomize renders it.
 */
final class Manifests {

	static final String KUBERNETES = "deploy/kubernetes";

	static final String BASE = KUBERNETES + "/base";

	static final List<String> OVERLAYS = List.of(KUBERNETES + "/overlays/dev", KUBERNETES + "/overlays/production");

	private final String source;

	private final List<Map<String, Object>> objects;

	private Manifests(String source, List<Map<String, Object>> objects) {
		this.source = source;
		this.objects = objects;
	}

	/** The base: every file its kustomization.yaml lists, read as written. */
	static Manifests base() {
		List<Map<String, Object>> objects = new ArrayList<>();
		for (String resource : kustomization(BASE).resources()) {
			Path file = Repository.path(BASE).resolve(resource);
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException(BASE + "/kustomization.yaml lists " + resource + ", which is no file");
			}
			objects.addAll(YamlDocuments.all(Repository.read(BASE + "/" + resource)));
		}
		return new Manifests(BASE + " (files)", objects);
	}

	static Manifests rendered(String overlay, String yaml) {
		return new Manifests(overlay + " (rendered by kustomize)", YamlDocuments.all(yaml));
	}

	static Kustomization kustomization(String directory) {
		return new Kustomization(YamlDocuments.one(Repository.read(directory + "/kustomization.yaml")));
	}

	List<Map<String, Object>> objects() {
		return this.objects;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream().filter((object) -> name.equals(name(object))).findFirst();
	}

	static String name(Map<String, Object> object) {
		return YamlDocuments.string(YamlDocuments.at(object, "metadata", "name"));
	}

	static Map<String, Object> podSpec(Map<String, Object> workload) {
		return YamlDocuments.asMap(YamlDocuments.at(workload, "spec", "template", "spec"));
	}

	static Map<String, Object> podLabels(Map<String, Object> workload) {
		return YamlDocuments.asMap(YamlDocuments.at(workload, "spec", "template", "metadata", "labels"));
	}

	static List<Map<String, Object>> containers(Map<String, Object> workload) {
		return YamlDocuments.asList(podSpec(workload).get("containers")).stream().map(YamlDocuments::asMap).toList();
	}

	/** Deployments and StatefulSets. */
	List<Map<String, Object>> workloads() {
		List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
		workloads.addAll(ofKind("StatefulSet"));
		return workloads;
	}

	/**
	 * A container's environment: its ConfigMaps (envFrom), overridden by its own env. A
	 * secret reference stands as {@code secretKeyRef:<secret>/<key>}.
	 */
	Map<String, String> environment(Map<String, Object> container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Object source : YamlDocuments.asList(container.get("envFrom"))) {
			String configMap = YamlDocuments
				.string(YamlDocuments.at(YamlDocuments.asMap(source), "configMapRef", "name"));
			if (configMap != null) {
				Map<String, Object> data = YamlDocuments.asMap(find("ConfigMap", configMap)
					.orElseThrow(() -> new AssertionError(this.source + ": no ConfigMap " + configMap))
					.get("data"));
				data.forEach((key, value) -> environment.put(key, YamlDocuments.string(value)));
			}
		}
		for (Object each : YamlDocuments.asList(container.get("env"))) {
			Map<String, Object> variable = YamlDocuments.asMap(each);
			String name = String.valueOf(variable.get("name"));
			Map<String, Object> secret = YamlDocuments.asMap(YamlDocuments.at(variable, "valueFrom", "secretKeyRef"));
			if (!secret.isEmpty()) {
				environment.put(name, "secretKeyRef:" + secret.get("name") + "/" + secret.get("key"));
			}
			else {
				environment.put(name, YamlDocuments.string(variable.get("value")));
			}
		}
		return environment;
	}

	/**
	 * Properties from configuration files in ConfigMaps mounted where
	 * {@code SPRING_CONFIG_ADDITIONAL_LOCATION} points.
	 */
	Map<String, String> mountedConfiguration(Map<String, Object> workload, Map<String, Object> container) {
		String locations = environment(container).getOrDefault("SPRING_CONFIG_ADDITIONAL_LOCATION", "");
		Map<String, String> properties = new LinkedHashMap<>();
		for (Object each : YamlDocuments.asList(container.get("volumeMounts"))) {
			Map<String, Object> mount = YamlDocuments.asMap(each);
			String path = String.valueOf(mount.get("mountPath"));
			if (!locations.contains(path)) {
				continue;
			}
			for (Object volume : YamlDocuments.asList(podSpec(workload).get("volumes"))) {
				Map<String, Object> definition = YamlDocuments.asMap(volume);
				String configMap = YamlDocuments.string(YamlDocuments.at(definition, "configMap", "name"));
				if (configMap != null && definition.get("name").equals(mount.get("name"))) {
					Map<String, Object> data = YamlDocuments.asMap(find("ConfigMap", configMap)
						.orElseThrow(() -> new AssertionError(this.source + ": no ConfigMap " + configMap))
						.get("data"));
					data.forEach((file, content) -> {
						if (file.endsWith(".yml") || file.endsWith(".yaml")) {
							YamlDocuments.flatten(YamlDocuments.one(String.valueOf(content)))
								.forEach((key, value) -> properties.put(key, YamlDocuments.string(value)));
						}
					});
				}
			}
		}
		return properties;
	}

	@Override
	public String toString() {
		return this.source;
	}

	/** A kustomization.yaml. */
	record Kustomization(Map<String, Object> file) {

		List<String> resources() {
			return YamlDocuments.asList(this.file.get("resources")).stream().map(String::valueOf).toList();
		}

		List<Map<String, Object>> patches() {
			return YamlDocuments.asList(this.file.get("patches")).stream().map(YamlDocuments::asMap).toList();
		}

		List<Map<String, Object>> images() {
			return YamlDocuments.asList(this.file.get("images")).stream().map(YamlDocuments::asMap).toList();
		}

	}

}
