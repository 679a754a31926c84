package io.orderflow.provider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's memory across restarts: one JSON line per recorded outcome, appended in
 * the order they were made, replayed at start. A line reaches the operating system before
 * its outcome is answered, so it survives the simulator being killed; only losing the
 * machine itself could lose the last lines, which a simulator may afford. No journal (no
 * data directory) keeps everything in memory.
 */
final class Journal {

	static final String FILE_NAME = "ledger.jsonl";

	private static final Logger logger = LoggerFactory.getLogger(Journal.class);

	private final Optional<Path> file;

	private final JsonMapper json;

	private Journal(Optional<Path> file, JsonMapper json) {
		this.file = file;
		this.json = json;
	}

	/** The journal in {@code directory}, or none if {@code directory} is null. */
	static Journal of(Path directory, JsonMapper json) {
		return new Journal(Optional.ofNullable(directory).map((dir) -> dir.resolve(FILE_NAME)), json);
	}

	/** Everything recorded so far, oldest first. */
	List<Recorded> replay() {
		if (this.file.isEmpty()) {
			return List.of();
		}
		Path path = this.file.get();
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			if (!Files.exists(path)) {
				return List.of();
			}
			dropLineCutShort(path);
			List<Recorded> recorded = new ArrayList<>();
			int number = 0;
			for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
				number++;
				try {
					recorded.add(this.json.readValue(line, Recorded.class));
				}
				catch (JacksonException ex) {
					throw new IllegalStateException("Line " + number + " of " + path
							+ " is not a recorded charge or refund; move the file " + "away to start with empty books",
							ex);
				}
			}
			logger.info("Replayed {} charges and refunds from {}", recorded.size(), path);
			return recorded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	/**
	 * A kill can leave the last line half-written. Its outcome was never answered, so it
	 * is dropped, and the file cut back so the next line starts on a line of its own.
	 */
	private static void dropLineCutShort(Path path) throws IOException {
		byte[] content = Files.readAllBytes(path);
		int end = content.length;
		while (end > 0 && content[end - 1] != '\n') {
			end--;
		}
		if (end < content.length) {
			logger.warn("Dropping the last {} bytes of {}: a line cut short by a kill", content.length - end, path);
			try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
				channel.truncate(end);
			}
		}
	}

	synchronized void append(Recorded recorded) {
		if (this.file.isEmpty()) {
			return;
		}
		String line = this.json.writerFor(Recorded.class).writeValueAsString(recorded) + "\n";
		try {
			Files.writeString(this.file.get(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file.get(), ex);
		}
	}

}
