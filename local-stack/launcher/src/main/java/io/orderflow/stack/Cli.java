package io.orderflow.stack;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

import io.orderflow.stack.ComponentStatus.State;

/**
 * {@code ./orderflow}: the command line over {@link LocalStack}. The script only finds a
 * JDK 25 and builds the launcher; everything else happens here.
 */
public final class Cli {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

	private final PrintStream out;

	private final Checkout checkout;

	private Cli(PrintStream out, Checkout checkout) {
		this.out = out;
		this.checkout = checkout;
	}

	public static void main(String[] args) {
		int exitCode;
		try {
			exitCode = new Cli(System.out, Checkout.locate()).run(args);
		}
		catch (CliArguments.UsageException ex) {
			System.err.println("orderflow: " + ex.getMessage());
			if (ex.showUsage()) {
				System.err.println();
				System.err.print(CliArguments.USAGE);
			}
			exitCode = USAGE;
		}
		catch (RuntimeException ex) {
			System.err.println("orderflow: " + ((ex.getMessage() != null) ? ex.getMessage() : ex));
			exitCode = FAILED;
		}
		System.out.flush();
		System.exit(exitCode);
	}

	int run(String[] args) {
		CliArguments arguments = CliArguments.parse(args);
		if (arguments.command().equals("help")) {
			this.out.print(CliArguments.USAGE);
			printComponents(stack(arguments).plan());
			return OK;
		}
		LocalStack stack = stack(arguments);
		if (!arguments.command().equals("logs")) {
			arguments.names().forEach((name) -> component(stack, name));
		}
		return switch (arguments.command()) {
			case "up" -> up(stack, arguments);
			case "down" -> down(stack);
			case "status" -> status(stack);
			case "logs" -> logs(stack, arguments.names().getFirst(), arguments.follow());
			case "kill" -> kill(stack, arguments.names().getFirst());
			case "restart" -> restart(stack, arguments.names().getFirst());
			default -> throw new CliArguments.UsageException("Unknown command " + arguments.command());
		};
	}

	private LocalStack stack(CliArguments arguments) {
		LocalStack.Builder builder = LocalStack.builder(this.checkout);
		arguments.stateDirectory().ifPresent(builder::stateDirectory);
		arguments.portOffset().ifPresent(builder::portOffset);
		arguments.parallelism().ifPresent(builder::parallelism);
		return builder.build();
	}

	private static Component component(LocalStack stack, String name) {
		try {
			return stack.plan().component(name);
		}
		catch (IllegalArgumentException ex) {
			throw new CliArguments.UsageException(ex.getMessage(), false);
		}
	}

	private int up(LocalStack stack, CliArguments arguments) {
		long started = System.nanoTime();
		List<Component> targets = stack.plan().withDependencies(arguments.names());
		ConsoleProgress progress = new ConsoleProgress(this.out, started);
		if (arguments.fresh()) {
			stack.down(progress);
			stack.state().wipeDataAndLogs();
			this.out.println("Wiped data and logs in " + stack.state().root());
		}
		if (!build(stack, targets, arguments.build(), progress)) {
			return FAILED;
		}
		Build.staleServices(this.checkout, targets)
			.forEach((name) -> this.out.println("  note: " + name
					+ "'s jar is older than its sources; ./orderflow up --build rebuilds (then restart " + name + ")"));
		AtomicBoolean stopping = new AtomicBoolean();
		if (!arguments.detach()) {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				if (stopping.compareAndSet(false, true)) {
					progress.stopTicker();
					progress.newLineAfterInterrupt();
					progress.line("Stopping the stack...");
					long stopStarted = System.nanoTime();
					stack.close(progress);
					progress.line("Stopped in " + seconds(Duration.ofNanos(System.nanoTime() - stopStarted)) + ".");
				}
			}, "orderflow-stop"));
		}
		this.out.println("Starting " + count(targets.size()) + " (state: " + stack.state().root() + ", port offset "
				+ stack.plan().ports().offset() + ")");
		try {
			progress.startTicker();
			stack.up(arguments.names(), progress);
		}
		catch (StackStartFailure ex) {
			progress.stopTicker();
			this.out.println();
			this.out.println("orderflow: the stack did not start.");
			this.out.println(ex.getMessage());
			this.out.println();
			this.out.println(arguments.detach()
					? "What started keeps running: ./orderflow status, ./orderflow logs <name>, ./orderflow down."
					: "Stopping what started.");
			return FAILED;
		}
		catch (IllegalStateException ex) {
			if (stopping.get()) {
				// Ctrl-C while starting: the shutdown hook reports the stop.
				return FAILED;
			}
			throw ex;
		}
		finally {
			progress.stopTicker();
		}
		this.out.println();
		printTable(stack.status().stream().filter((status) -> targets.contains(status.component())).toList());
		this.out.println();
		this.out.println("All " + count(targets.size()) + " healthy in "
				+ seconds(Duration.ofNanos(System.nanoTime() - started)) + ".");
		if (arguments.detach()) {
			this.out.println("Running in the background: ./orderflow status | logs <name> | down");
			return OK;
		}
		this.out.println("Ctrl-C stops the stack. Logs: ./orderflow logs <name> [-f]");
		watch(stack, targets, progress, stopping);
		return OK;
	}

	/**
	 * Builds what {@code targets} need and is missing (or everything with
	 * {@code always}).
	 */
	private boolean build(LocalStack stack, List<Component> targets, boolean always, ConsoleProgress progress) {
		List<String> modules = always ? List.of() : Build.modulesToBuild(this.checkout, targets);
		if (!always && modules.isEmpty()) {
			return true;
		}
		Path log = stack.state().logFile("build");
		long started = System.nanoTime();
		this.out.println("Building " + (always ? "the project" : String.join(", ", modules)) + ": "
				+ Build.describe(modules) + " (log: " + log + ")");
		progress.startTicker();
		boolean built;
		try {
			built = Build.run(this.checkout, modules, log);
		}
		finally {
			progress.stopTicker();
		}
		if (!built) {
			this.out.println("orderflow: the build failed; last lines of " + log + ":");
			stack.state().tail("build", 30).ifPresent((tail) -> this.out.println(tail.indent(4)));
			return false;
		}
		this.out.println("Built in " + seconds(Duration.ofNanos(System.nanoTime() - started)) + ".");
		return true;
	}

	/**
	 * While the foreground stack runs: reports a component whose process ends or comes
	 * back (a kill or restart from another terminal); returns when everything was stopped
	 * from outside ({@code ./orderflow down}).
	 */
	private void watch(LocalStack stack, List<Component> targets, ConsoleProgress progress, AtomicBoolean stopping) {
		Map<String, Long> known = new HashMap<>();
		targets.forEach((component) -> known.put(component.name(), livePid(stack, component.name())));
		while (!stopping.get()) {
			ManagedProcess.pause(WATCH_INTERVAL);
			boolean anyRecorded = false;
			for (Component component : targets) {
				String name = component.name();
				anyRecorded |= stack.state().pid(name).isPresent();
				long pid = livePid(stack, name);
				long before = known.put(name, pid);
				if (stopping.get() || pid == before) {
					continue;
				}
				if (pid == 0) {
					progress.line(name + " is down (process " + before + " ended) - ./orderflow logs " + name);
				}
				else {
					progress.line(name + " runs again (pid " + pid + ")");
				}
			}
			if (!anyRecorded && !stopping.get()) {
				progress.line("The stack was stopped from outside; exiting.");
				stopping.set(true);
			}
		}
	}

	private static long livePid(LocalStack stack, String name) {
		OptionalLong pid = stack.state().pid(name);
		return (pid.isPresent() && ProcessMetrics.isRunning(pid.getAsLong())) ? pid.getAsLong() : 0;
	}

	private int down(LocalStack stack) {
		long started = System.nanoTime();
		ConsoleProgress progress = new ConsoleProgress(this.out, started);
		stack.down(progress);
		this.out.println(
				progress.stoppedAny() ? "Stopped in " + seconds(Duration.ofNanos(System.nanoTime() - started)) + "."
						: "Nothing was running (" + stack.state().root() + ").");
		return OK;
	}

	private int status(LocalStack stack) {
		List<ComponentStatus> statuses = stack.status();
		printTable(statuses);
		long running = statuses.stream().filter((status) -> status.rssKilobytes() > 0).count();
		long rss = statuses.stream().mapToLong(ComponentStatus::rssKilobytes).sum();
		long healthy = statuses.stream().filter(ComponentStatus::isHealthy).count();
		this.out.println();
		if (statuses.stream().allMatch((status) -> status.state() == State.STOPPED)) {
			this.out.println("The stack is not running (" + stack.state().root() + "): ./orderflow up");
			return FAILED;
		}
		this.out.println(healthy + " of " + statuses.size() + " components healthy; resident memory " + megabytes(rss)
				+ " over " + running + " process groups (port offset " + stack.plan().ports().offset() + ").");
		return (healthy == statuses.size()) ? OK : FAILED;
	}

	private int logs(LocalStack stack, String name, boolean follow) {
		Path log = stack.state().logFile(name);
		if (!Files.isRegularFile(log)) {
			component(stack, name);
			this.out.println("No log for " + name + " yet (" + log + ").");
			return FAILED;
		}
		try (InputStream in = Files.newInputStream(log)) {
			long position = in.transferTo(this.out);
			this.out.flush();
			while (follow) {
				ManagedProcess.pause(Duration.ofMillis(250));
				long size = Files.size(log);
				if (size < position) {
					position = 0;
				}
				if (size > position) {
					position += copy(log, position, this.out);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return OK;
	}

	private static long copy(Path file, long from, PrintStream out) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(from);
			long copied = in.transferTo(out);
			out.flush();
			return copied;
		}
	}

	private int kill(LocalStack stack, String name) {
		OptionalLong pid = stack.status(name).pid();
		if (!stack.kill(name)) {
			this.out.println(name + " is not running.");
			return FAILED;
		}
		this.out.println("Killed " + name + " (pid " + pid.orElse(0) + ", SIGKILL to its process group). "
				+ "./orderflow restart " + name + " brings it back.");
		return OK;
	}

	private int restart(LocalStack stack, String name) {
		long started = System.nanoTime();
		ConsoleProgress progress = new ConsoleProgress(this.out, started);
		if (!build(stack, List.of(stack.plan().component(name)), false, progress)) {
			return FAILED;
		}
		try {
			progress.startTicker();
			stack.restart(name, progress);
		}
		catch (StartupFailure ex) {
			progress.stopTicker();
			this.out.println(ex.getMessage());
			return FAILED;
		}
		finally {
			progress.stopTicker();
		}
		printTable(List.of(stack.status(name)));
		return OK;
	}

	/**
	 * The components table with this stack's ports: the documentation that cannot go
	 * stale.
	 */
	private void printComponents(StackPlan plan) {
		this.out.println();
		this.out.println("Components, in start order (port offset " + plan.ports().offset() + "):");
		List<List<String>> rows = new ArrayList<>();
		for (Component component : plan.components()) {
			rows.add(List.of("  " + component.name(), plan.ports().describe(component.name()),
					component.url(plan.ports()), "needs " + (plan.dependencies(component.name()).isEmpty() ? "-"
							: String.join(", ", plan.dependencies(component.name())))));
		}
		printColumns(rows);
	}

	private void printTable(List<ComponentStatus> statuses) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("COMPONENT", "STATE", "PID", "RSS", "PORTS", "URL"));
		for (ComponentStatus status : statuses) {
			rows.add(List.of(status.name(), status.state().label(),
					status.pid().isPresent() ? Long.toString(status.pid().getAsLong()) : "-",
					(status.rssKilobytes() > 0) ? megabytes(status.rssKilobytes()) : "-", status.ports(),
					status.url()));
		}
		printColumns(rows);
	}

	private void printColumns(List<List<String>> rows) {
		int[] widths = new int[rows.getFirst().size()];
		rows.forEach((row) -> {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		});
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				String cell = row.get(i);
				line.append((i == row.size() - 1) ? cell : cell + " ".repeat(widths[i] - cell.length() + 2));
			}
			this.out.println(line.toString().stripTrailing());
		}
	}

	private static String count(int components) {
		return components + ((components == 1) ? " component" : " components");
	}

	static String megabytes(long kilobytes) {
		return String.format(Locale.ROOT, "%d MB", Math.round(kilobytes / 1024.0));
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/**
	 * One line per component as it becomes healthy or stops, with elapsed times; on a
	 * terminal also a transient line naming what is still starting.
	 */
	static final class ConsoleProgress implements Progress {

		private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

		private final PrintStream out;

		private final long started;

		private final boolean terminal;

		private final Map<String, Long> starting = new LinkedHashMap<>();

		private boolean stoppedAny;

		private boolean transientShown;

		private Thread ticker;

		ConsoleProgress(PrintStream out, long started) {
			this.out = out;
			this.started = started;
			this.terminal = Optional.ofNullable(System.console()).map(Console::isTerminal).orElse(false);
		}

		@Override
		public synchronized void starting(Component component) {
			this.starting.put(component.name(), System.nanoTime());
		}

		@Override
		public void healthy(Component component, Duration took) {
			done(component, "healthy after " + seconds(took));
		}

		@Override
		public void alreadyHealthy(Component component) {
			done(component, "already running");
		}

		@Override
		public void failed(Component component, StartupFailure failure) {
			done(component, "FAILED - see " + failure.logFile());
		}

		@Override
		public void stopping(Component component) {
			this.stoppedAny = true;
		}

		@Override
		public void stopped(Component component, Duration took) {
			line(String.format(Locale.ROOT, "%-22s stopped in %s", component.name(), seconds(took)));
		}

		boolean stoppedAny() {
			return this.stoppedAny;
		}

		private synchronized void done(Component component, String what) {
			this.starting.remove(component.name());
			line(String.format(Locale.ROOT, "%-22s %s", component.name(), what));
		}

		/** A permanent line, stamped with the time since the command began. */
		synchronized void line(String text) {
			clearTransient();
			long elapsed = System.nanoTime() - this.started;
			this.out.printf(Locale.ROOT, "  [%6.1f s] %s%n", elapsed / 1e9, text);
			this.out.flush();
		}

		/** A terminal echoes Ctrl-C as {@code ^C} without a line break. */
		synchronized void newLineAfterInterrupt() {
			if (this.terminal) {
				this.out.println();
			}
		}

		synchronized void startTicker() {
			if (!this.terminal || this.ticker != null) {
				return;
			}
			this.ticker = Thread.ofPlatform().daemon().name("orderflow-progress").start(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					showTransient();
					try {
						Thread.sleep(WATCH_INTERVAL);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
		}

		synchronized void stopTicker() {
			if (this.ticker != null) {
				this.ticker.interrupt();
				this.ticker = null;
			}
			clearTransient();
		}

		private synchronized void showTransient() {
			long elapsed = System.nanoTime() - this.started;
			String waiting = this.starting.isEmpty() ? "working"
					: "starting " + String.join(", ", this.starting.keySet());
			this.out.printf(Locale.ROOT, "\r\033[K  [%6.1f s] %s ... (%s)", elapsed / 1e9, waiting,
					LocalTime.now().format(CLOCK));
			this.out.flush();
			this.transientShown = true;
		}

		private void clearTransient() {
			if (this.transientShown) {
				this.out.print("\r\033[K");
				this.transientShown = false;
			}
		}

	}

}
