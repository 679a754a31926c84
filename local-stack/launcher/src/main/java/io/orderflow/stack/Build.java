package io.orderflow.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a stack needs built before it can start, and the Maven run that builds it: node
 * classpaths, the tools (Zipkin, the agent) and the service and simulator jars.
 */
final class Build {

	private static final String LAUNCHER_MODULE = "local-stack/launcher";

	private Build() {
	}

	/**
	 * The Maven modules ({@code -pl} paths) whose artifacts {@code components} need and
	 * the checkout lacks, in the order found.
	 */
	static List<String> modulesToBuild(Checkout checkout, Collection<Component> components) {
		Set<String> modules = new LinkedHashSet<>();
		for (Component component : components) {
			switch (component.launch()) {
				case Launch.NodeLaunch node -> {
					if (isMissing(() -> checkout.nodeClasspath(node.node().module()))) {
						modules.add("local-stack/" + node.node().module());
					}
				}
				case Launch.ServiceLaunch service -> {
					if (isMissing(() -> checkout.serviceJar(service.module()))) {
						modules.add(service.module());
					}
					if (isMissing(() -> checkout.tool(LocalStack.AGENT_TOOL))) {
						modules.add(LAUNCHER_MODULE);
					}
				}
				case Launch.SimulatorLaunch simulator -> {
					if (isMissing(() -> checkout.serviceJar(simulator.module()))) {
						modules.add(simulator.module());
					}
				}
				case Launch.ProgramLaunch program -> {
					if (isMissing(() -> checkout.tool(program.tool()))) {
						modules.add(LAUNCHER_MODULE);
					}
				}
			}
		}
		return List.copyOf(modules);
	}

	/** Services whose jar is older than a file of their module's sources or POM. */
	static List<String> staleServices(Checkout checkout, Collection<Component> components) {
		List<String> stale = new ArrayList<>();
		for (Component component : components) {
			Optional<String> module = component.module();
			if (module.isEmpty()) {
				continue;
			}
			Path moduleDirectory = checkout.root().resolve(module.get());
			try {
				FileTime built = Files.getLastModifiedTime(checkout.serviceJar(module.get()));
				if (newerThan(moduleDirectory.resolve("pom.xml"), built)
						|| newerThan(moduleDirectory.resolve("src"), built)) {
					stale.add(component.name());
				}
			}
			catch (IOException | IllegalStateException ex) {
				// A missing jar is built, not reported as stale.
			}
		}
		return stale;
	}

	private static boolean newerThan(Path path, FileTime time) throws IOException {
		if (!Files.exists(path)) {
			return false;
		}
		try (Stream<Path> files = Files.walk(path)) {
			return files.filter(Files::isRegularFile).anyMatch((file) -> {
				try {
					return Files.getLastModifiedTime(file).compareTo(time) > 0;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/**
	 * {@code ./mvnw -q -DskipTests package}, limited to {@code modules} and what they
	 * depend on unless empty; output to {@code log}.
	 * @return whether the build succeeded
	 */
	static boolean run(Checkout checkout, List<String> modules, Path log) {
		List<String> command = new ArrayList<>(
				List.of(checkout.root().resolve("mvnw").toString(), "-q", "-DskipTests", "package"));
		if (!modules.isEmpty()) {
			command.addAll(List.of("-pl", String.join(",", modules), "-am"));
		}
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).directory(checkout.root().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.start();
			return process.waitFor() == 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	static String describe(List<String> modules) {
		return "./mvnw -q -DskipTests package"
				+ (modules.isEmpty() ? "" : " -pl " + String.join(",", modules) + " -am");
	}

	private static boolean isMissing(Runnable lookup) {
		try {
			lookup.run();
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

}
