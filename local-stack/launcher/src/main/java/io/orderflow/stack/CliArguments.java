package io.orderflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The parsed command line of {@code ./orderflow}.
 *
 * @param command the command ({@code up}, {@code down}, ...)
 * @param names the components named (for {@code up}: to start with what they need)
 * @param detach {@code up --detach}: return once healthy, leave the stack running
 * @param fresh {@code up --fresh}: stop what runs and wipe data and logs first
 * @param build {@code up --build}: build the whole project first
 * @param follow {@code logs -f}: keep printing what is appended
 * @param stateDirectory {@code --state-dir}: instead of {@code .orderflow/}
 * @param portOffset {@code --port-offset}: shift every port
 * @param parallelism {@code --parallel}: components starting at once
 */
public record CliArguments(String command, List<String> names, boolean detach, boolean fresh, boolean build,
		boolean follow, Optional<Path> stateDirectory, OptionalInt portOffset, OptionalInt parallelism) {

	static final String USAGE = """
			Usage: ./orderflow <command> [options]

			Runs the whole system on this machine as separate processes (no Docker): Kafka,
			PostgreSQL, MongoDB, the search engine, Redis, Zipkin, the payment provider
			simulator and every service, each service with the OpenTelemetry agent sending
			traces to Zipkin.

			Commands:
			  up [<name>...]      build what is missing, start everything (or the named
			                      components and what they need), wait until healthy and
			                      print the components; Ctrl-C stops everything
			      -d, --detach    return once healthy and leave the stack running
			      --fresh         stop what runs and wipe data and logs first
			      --build         build the whole project first (./mvnw -DskipTests package)
			      --port-offset <n>  shift every port by n (remembered until the next up)
			      --parallel <n>  components starting at once (default 3)
			  down                stop everything: services first, then infrastructure
			  status              check every component now; exit code 1 unless all healthy
			  logs <name> [-f]    print a component's log since its last start; -f keeps
			                      following it (the start before: .orderflow/logs/<name>.log.1)
			  kill <name>         SIGKILL a component, as a crash would (restart brings it back)
			  restart <name>      stop a component, start it and wait until it is healthy
			  help                this text

			Every command takes --state-dir <dir>: where state, logs and data live
			(default: .orderflow/ in the checkout; data survives restarts unless --fresh).
			""";

	private static final Set<String> COMMANDS = Set.of("up", "down", "status", "logs", "kill", "restart", "help");

	/** Parses {@code args}; throws {@link UsageException} saying what is wrong. */
	public static CliArguments parse(String... args) {
		if (args.length == 0) {
			throw new UsageException("No command given");
		}
		String command = args[0];
		if (command.equals("-h") || command.equals("--help")) {
			command = "help";
		}
		if (!COMMANDS.contains(command)) {
			throw new UsageException("Unknown command '" + command + "'");
		}
		List<String> names = new ArrayList<>();
		boolean detach = false;
		boolean fresh = false;
		boolean build = false;
		boolean follow = false;
		Optional<Path> stateDirectory = Optional.empty();
		OptionalInt portOffset = OptionalInt.empty();
		OptionalInt parallelism = OptionalInt.empty();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (option) {
				case "-d", "--detach" -> detach = onlyFor(command, arg, "up");
				case "--fresh" -> fresh = onlyFor(command, arg, "up");
				case "--build" -> build = onlyFor(command, arg, "up");
				case "-f", "--follow" -> follow = onlyFor(command, arg, "logs");
				case "--state-dir" -> {
					stateDirectory = Optional.of(Path.of(value(args, i, arg)));
					i += arg.contains("=") ? 0 : 1;
				}
				case "--port-offset" -> {
					onlyFor(command, arg, "up");
					portOffset = OptionalInt.of(number(value(args, i, arg), arg, Integer.MIN_VALUE));
					i += arg.contains("=") ? 0 : 1;
				}
				case "--parallel" -> {
					onlyFor(command, arg, "up");
					parallelism = OptionalInt.of(number(value(args, i, arg), arg, 1));
					i += arg.contains("=") ? 0 : 1;
				}
				case "-h", "--help" -> command = "help";
				default -> {
					if (arg.startsWith("-")) {
						throw new UsageException("Unknown option '" + arg + "' for " + command);
					}
					names.add(arg);
				}
			}
		}
		switch (command) {
			case "logs", "kill", "restart" -> {
				if (names.size() != 1) {
					throw new UsageException(
							command + " takes one component name, e.g. ./orderflow " + command + " order-service");
				}
			}
			case "down", "status" -> {
				if (!names.isEmpty()) {
					throw new UsageException(command + " takes no component names");
				}
			}
			default -> {
			}
		}
		return new CliArguments(command, List.copyOf(names), detach, fresh, build, follow, stateDirectory, portOffset,
				parallelism);
	}

	private static boolean onlyFor(String command, String option, String allowed) {
		if (!command.equals(allowed)) {
			throw new UsageException(option + " is an option of " + allowed + ", not of " + command);
		}
		return true;
	}

	private static String value(String[] args, int index, String arg) {
		if (arg.contains("=")) {
			return arg.substring(arg.indexOf('=') + 1);
		}
		if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
			throw new UsageException(arg + " needs a value");
		}
		return args[index + 1];
	}

	private static int number(String value, String option, int minimum) {
		try {
			int number = Integer.parseInt(value);
			if (number < minimum) {
				throw new UsageException(option + " must be at least " + minimum);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new UsageException(option + " needs a number, not '" + value + "'");
		}
	}

	/** The command line cannot be understood; the CLI prints this and the usage. */
	public static class UsageException extends IllegalArgumentException {

		private final boolean showUsage;

		public UsageException(String message) {
			this(message, true);
		}

		/** {@code showUsage} false: the message says it all (an unknown component). */
		public UsageException(String message, boolean showUsage) {
			super(message);
			this.showUsage = showUsage;
		}

		public boolean showUsage() {
			return this.showUsage;
		}

	}

}
