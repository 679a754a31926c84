package io.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A component did not become ready; the message names it, says why and points at its log.
 */
public class StartupFailure extends RuntimeException {

	private final String component;

	private final Path logFile;

	public StartupFailure(String component, String reason, Path logFile) {
		super(component + " " + reason + " — see " + logFile + tail(logFile));
		this.component = component;
		this.logFile = logFile;
	}

	public String component() {
		return this.component;
	}

	public Path logFile() {
		return this.logFile;
	}

	private static String tail(Path logFile) {
		try {
			List<String> lines = Files.readAllLines(logFile);
			List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
			return last.isEmpty() ? "" : "\n  last lines:\n    " + String.join("\n    ", last);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

}
