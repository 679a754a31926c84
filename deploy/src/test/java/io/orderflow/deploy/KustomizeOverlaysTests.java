package io.orderflow.deploy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overlays file by file, which needs no kustomize: they build on the base, patch only
 * what the base has, pin their images and commit no secret. Rendered, they get every
 * check of {@link KubernetesManifestsTests} as well.
 */
class KustomizeOverlaysTests {

	static List<String> overlays() {
		return Manifests.OVERLAYS;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void buildsOnTheBaseFromFilesThatExist(String overlay) {
		Manifests.Kustomization kustomization = Manifests.kustomization(overlay);
		assertThat(kustomization.resources()).contains("../../base");
		for (String resource : kustomization.resources()) {
			assertThat(Files.exists(Repository.path(overlay).resolve(resource))).as("%s: %s", overlay, resource)
				.isTrue();
		}
		for (Map<String, Object> patch : kustomization.patches()) {
			if (patch.containsKey("path")) {
				assertThat(Files.isRegularFile(Repository.path(overlay).resolve(String.valueOf(patch.get("path")))))
					.as("%s: patch %s", overlay, patch.get("path"))
					.isTrue();
			}
		}
		assertThat(YamlDocuments.string(kustomization.file().get("namespace"))).as("%s: namespace", overlay)
			.isNotBlank();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void patchesOnlyObjectsOfTheBase(String overlay) {
		Manifests base = Manifests.base();
		for (Map<String, Object> patch : Manifests.kustomization(overlay).patches()) {
			Map<String, Object> target = YamlDocuments.asMap(patch.get("target"));
			if (!target.isEmpty()) {
				String kind = String.valueOf(target.get("kind"));
				String name = YamlDocuments.string(target.get("name"));
				assertThat(base.ofKind(kind)).as("%s patches %s %s", overlay, kind, name)
					.anyMatch((object) -> name == null || name.equals(Manifests.name(object)));
				continue;
			}
			String text = patch.containsKey("path") ? Repository.read(overlay + "/" + patch.get("path"))
					: String.valueOf(patch.get("patch"));
			for (Map<String, Object> object : YamlDocuments.all(text)) {
				String kind = String.valueOf(object.get("kind"));
				String name = Manifests.name(object);
				assertThat(base.find(kind, name)).as("%s patches %s %s", overlay, kind, name).isPresent();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void pinsTheImagesItReplaces(String overlay) {
		Manifests base = Manifests.base();
		List<String> baseImages = base.workloads()
			.stream()
			.flatMap((workload) -> Manifests.containers(workload).stream())
			.map((container) -> String.valueOf(container.get("image")))
			.map((image) -> image.substring(0, image.lastIndexOf(':')))
			.toList();
		for (Map<String, Object> image : Manifests.kustomization(overlay).images()) {
			assertThat(baseImages).as("%s replaces image %s", overlay, image.get("name"))
				.contains(String.valueOf(image.get("name")));
			assertThat(String.valueOf(image.get("newTag"))).as("%s: tag of %s", overlay, image.get("name"))
				.matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void commitsNoSecretValue(String overlay) throws Exception {
		Map<String, Object> kustomization = Manifests.kustomization(overlay).file();
		assertThat(kustomization).as("%s generates no Secret from committed values", overlay)
			.doesNotContainKey("secretGenerator");
		try (var files = Files.list(Repository.path(overlay))) {
			for (var file : files.filter((path) -> path.toString().endsWith(".yaml")).toList()) {
				for (Map<String, Object> object : YamlDocuments.all(Files.readString(file))) {
					assertThat(object.get("kind")).as("%s", file).isNotEqualTo("Secret");
					YamlDocuments.flatten(object).forEach((key, value) -> {
						if (key.endsWith(".name") && ServiceEnvironment.namesASecret(String.valueOf(value))) {
							String valueKey = key.substring(0, key.length() - ".name".length()) + ".value";
							assertThat(YamlDocuments.flatten(object)).as("%s: %s is a plain value", file, value)
								.doesNotContainKey(valueKey);
						}
					});
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void rendersWithKustomize(String overlay) {
		Assumptions.assumeTrue(Kustomize.command().isPresent(),
				"kustomize rendering skipped: neither kustomize nor kubectl is on the PATH");
		assertThat(YamlDocuments.all(Kustomize.render(overlay)))
			.as("%s renders into the namespace of its kustomization", overlay)
			.allMatch((object) -> "Namespace".equals(object.get("kind")) || Manifests.kustomization(overlay)
				.file()
				.get("namespace")
				.equals(YamlDocuments.at(object, "metadata", "namespace")));
	}

}
