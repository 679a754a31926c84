package io.orderflow.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resident memory of process groups, read from {@code /proc}: a component's footprint
 * includes its children (PostgreSQL backends, redis-server), which share its group. Where
 * there is no {@code /proc} the answer is 0.
 */
final class ProcessMetrics {

	private static final Path PROC = Path.of("/proc");

	private ProcessMetrics() {
	}

	/**
	 * A process's arguments from {@code /proc/<pid>/cmdline} where there is one: the
	 * JDK's {@link ProcessHandle.Info#arguments()} gives none at all for a command line
	 * over 4 kB, which every node with its classpath has.
	 */
	static List<String> arguments(ProcessHandle process) {
		Path cmdline = PROC.resolve(Long.toString(process.pid())).resolve("cmdline");
		if (!Files.isDirectory(PROC)) {
			return process.info().arguments().map(List::of).orElse(List.of());
		}
		try {
			String content = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
			List<String> arguments = new ArrayList<>(Arrays.asList(content.split("\0")));
			return arguments.isEmpty() ? arguments : arguments.subList(1, arguments.size());
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * Whether the process runs: not ended, and not a zombie that only waits to be
	 * collected (where PID 1 does not collect orphans, zombies stay for good).
	 */
	static boolean isRunning(long pid) {
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		try {
			String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
			return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return !Files.isDirectory(PROC);
		}
	}

	/**
	 * The summed VmRSS, in kB, of every process whose group id is in {@code groups} and
	 * of their descendants (PostgreSQL backends each start a session of their own).
	 */
	static long rssKilobytes(Collection<Long> groups) {
		if (groups.isEmpty() || !Files.isDirectory(PROC)) {
			return 0;
		}
		List<Stat> all = new ArrayList<>();
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
			processes.forEach((process) -> stat(process).ifPresent(all::add));
		}
		catch (IOException ex) {
			return 0;
		}
		Set<Long> members = new HashSet<>();
		all.stream().filter((stat) -> groups.contains(stat.group())).forEach((stat) -> members.add(stat.pid()));
		boolean grown = true;
		while (grown) {
			grown = false;
			for (Stat stat : all) {
				if (members.contains(stat.parent()) && members.add(stat.pid())) {
					grown = true;
				}
			}
		}
		return members.stream().mapToLong((pid) -> residentKilobytes(PROC.resolve(Long.toString(pid)))).sum();
	}

	/**
	 * Parent and group from {@code stat}, read after the command name, which may hold
	 * spaces.
	 */
	private static Optional<Stat> stat(Path process) {
		try {
			String stat = Files.readString(process.resolve("stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Optional.of(new Stat(Long.parseLong(process.getFileName().toString()), Long.parseLong(fields[1]),
					Long.parseLong(fields[2])));
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

	private record Stat(long pid, long parent, long group) {

	}

}
