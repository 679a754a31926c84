package io.orderflow.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders an overlay with whichever kustomize is on the PATH: {@code kustomize build} or
 * {@code kubectl kustomize}. Neither is required: without one, overlays are checked file
 * by file only.
 */
final class Kustomize {

	private Kustomize() {
	}

	static Optional<List<String>> command() {
		return onPath("kustomize").map((kustomize) -> List.of(kustomize.toString(), "build"))
			.or(() -> onPath("kubectl").map((kubectl) -> List.of(kubectl.toString(), "kustomize")));
	}

	/** Rendered once per overlay and test run. */
	private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

	static String render(String directory) {
		return RENDERED.computeIfAbsent(directory, Kustomize::run);
	}

	private static String run(String directory) {
		List<String> command = new ArrayList<>(command().orElseThrow());
		command.add(Repository.path(directory).toString());
		try {
			Path output = Files.createTempFile("kustomize", ".yaml");
			Path errors = Files.createTempFile("kustomize", ".err");
			Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
				.redirectError(errors.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " did not finish within 120 s");
			}
			if (process.exitValue() != 0) {
				throw new AssertionError(
						String.join(" ", command) + " failed: " + Files.readString(errors, StandardCharsets.UTF_8));
			}
			String rendered = Files.readString(output, StandardCharsets.UTF_8);
			Files.deleteIfExists(output);
			Files.deleteIfExists(errors);
			return rendered;
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted rendering " + directory, ex);
		}
	}

	private static Optional<Path> onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, program);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
