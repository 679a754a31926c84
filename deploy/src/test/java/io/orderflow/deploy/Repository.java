package io.orderflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checked-out repository the deployment artefacts live in. */
final class Repository {

	private static final Path ROOT = findRoot();

	private Repository() {
	}

	static Path root() {
		return ROOT;
	}

	static Path path(String relative) {
		return ROOT.resolve(relative);
	}

	static String read(String relative) {
		try {
			return Files.readString(path(relative), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path findRoot() {
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null) {
			if (Files.exists(directory.resolve("mvnw")) && Files.exists(directory.resolve("deploy/pom.xml"))) {
				return directory;
			}
			directory = directory.getParent();
		}
		throw new IllegalStateException("Not inside the orderflow repository: " + Path.of("").toAbsolutePath());
	}

}
