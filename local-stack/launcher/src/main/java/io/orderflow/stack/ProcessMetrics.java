package io.orderflow.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Resident memory of process groups, read from {@code /proc}: a component's footprint
 * includes its children (PostgreSQL backends, redis-server), which share its group. Where
 * there is no {@code /proc} the answer is 0.
 */
final class ProcessMetrics {

	private static final Path PROC = Path.of("/proc");

	private ProcessMetrics() {
	}

	/** The summed VmRSS, in kB, of every process whose group id is in {@code groups}. */
	static long rssKilobytes(Collection<Long> groups) {
		if (groups.isEmpty() || !Files.isDirectory(PROC)) {
			return 0;
		}
		long total = 0;
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			for (Path process : processes) {
				Optional<Long> group = processGroup(process);
				if (group.isPresent() && groups.contains(group.get())) {
					total += residentKilobytes(process);
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return total;
	}

	/** Field 5 of {@code stat}, counted after the command name, which may hold spaces. */
	private static Optional<Long> processGroup(Path process) {
		try {
			String stat = Files.readString(process.resolve("stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(Long.parseLong(fields[2]));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static long residentKilobytes(Path process) {
		try {
			for (String line : Files.readAllLines(process.resolve("status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring(6).replace("kB", "").strip());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
		return 0;
	}

}
