package io.orderflow.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The orderflow checkout this launcher was built from: where the node classpaths, the
 * tools (Zipkin, the OpenTelemetry agent) and the service jars are.
 * <p>
 * Located from the system property {@code orderflow.checkout} when set, otherwise from
 * the directory recorded at build time. Everything runs on the machine that built it, so
 * absolute paths into the checkout and the local Maven repository are valid.
 */
public record Checkout(Path root, String version) {

	public static Checkout locate() {
		Properties build = new Properties();
		try (InputStream in = Checkout.class.getResourceAsStream("build.properties")) {
			if (in == null) {
				throw new IllegalStateException("build.properties missing: the launcher was not built with Maven");
			}
			build.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String root = System.getProperty("orderflow.checkout", build.getProperty("checkout.dir"));
		return new Checkout(Path.of(root).toAbsolutePath().normalize(), build.getProperty("project.version"));
	}

	/**
	 * A node module's classes plus the runtime classpath it wrote at build time to
	 * {@code local-stack/<node>/target/node.classpath}.
	 */
	public String nodeClasspath(String nodeModule) {
		Path target = this.root.resolve("local-stack").resolve(nodeModule).resolve("target");
		Path file = target.resolve("node.classpath");
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(
					"No classpath for " + nodeModule + " at " + file + ": build first (./mvnw -DskipTests package)");
		}
		try {
			return target.resolve("classes") + File.pathSeparator + Files.readString(file).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A program copied into {@code local-stack/launcher/target/tools} at build time. */
	public Path tool(String fileName) {
		return requireFile(this.root.resolve("local-stack/launcher/target/tools").resolve(fileName));
	}

	/**
	 * The executable Spring Boot jar of a module, {@code module} being its path in the
	 * checkout ({@code payment-service}, {@code local-stack/payment-provider}); the jar
	 * is named after the last segment, the module's artifact id.
	 */
	public Path serviceJar(String module) {
		Path directory = this.root.resolve(module);
		return requireFile(directory.resolve("target").resolve(directory.getFileName() + "-" + this.version + ".jar"));
	}

	private static Path requireFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " is missing: build first (./mvnw -DskipTests package)");
		}
		return file;
	}

}
