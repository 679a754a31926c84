package io.orderflow.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML read the way Compose and Kubernetes read it (merge keys resolved), as maps. */
final class YamlDocuments {

	private YamlDocuments() {
	}

	static Map<String, Object> one(String text) {
		return asMap(yaml().load(text));
	}

	static List<Map<String, Object>> all(String text) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : yaml().loadAll(text)) {
			if (document != null) {
				documents.add(asMap(document));
			}
		}
		return documents;
	}

	/**
	 * Every leaf under its property path, Spring Boot style: {@code a.b[0].c}.
	 */
	static Map<String, Object> flatten(Map<String, Object> tree) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", tree, flat);
		return flat;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Object> asList(Object value) {
		return (value instanceof List<?> list) ? (List<Object>) list : List.of();
	}

	/** The value at a dotted path of map keys, or {@code null}. */
	static Object at(Map<String, Object> tree, String... path) {
		Object current = tree;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static String string(Object value) {
		return (value != null) ? String.valueOf(value) : null;
	}

	private static void flatten(String prefix, Object value, Map<String, Object> flat) {
		if (value instanceof Map<?, ?> map) {
			map.forEach(
					(key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, flat));
		}
		else if (value instanceof List<?> list && !list.isEmpty()) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else {
			flat.put(prefix, value);
		}
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new Yaml(options);
	}

}
