package io.orderflow.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.orderflow.stack.ComponentStatus.State;
import io.orderflow.stack.node.NodeRuntime;

/**
 * The whole system as separate processes on this machine: the embedded servers, Zipkin
 * and every service JVM with the OpenTelemetry agent, started in dependency order with
 * health waits, stopped services first. {@code ./orderflow} and the system tests both
 * drive a stack through this class.
 * <p>
 * All state lives in a {@link StackState} directory, so one launcher run can start the
 * stack and another can inspect, kill, restart or stop it. A stack built with
 * {@link Builder#boundToThisJvm()} never outlives the JVM that started it, even when that
 * JVM is killed.
 */
public final class LocalStack implements AutoCloseable {

	/**
	 * Components starting at once. Start-up is CPU-bound: the whole stack takes about 135
	 * CPU-seconds to become healthy (each service JVM 12-15, most of it the OpenTelemetry
	 * agent). Measured on 2 cores: one at a time 121 s; two, three or four 66-75 s, which
	 * is that floor. Three keeps both cores busy while a starting component waits.
	 */
	public static final int DEFAULT_PARALLELISM = 3;

	static final String AGENT_TOOL = "opentelemetry-javaagent.jar";

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Checkout checkout;

	private final StackState state;

	private final StackPlan plan;

	private final int parallelism;

	private final boolean boundToThisJvm;

	private final NodeLauncher nodeLauncher;

	private final Object lifecycle = new Object();

	private boolean closing;

	private ExecutorService starters;

	private ManagedProcess watchdog;

	private LocalStack(Builder builder, StackPlan plan) {
		this.checkout = builder.checkout;
		this.state = builder.state;
		this.plan = plan;
		this.parallelism = builder.parallelism;
		this.boundToThisJvm = builder.boundToThisJvm;
		this.nodeLauncher = new NodeLauncher(builder.checkout);
	}

	/**
	 * A stack of the standard components, state in {@code .orderflow/} of the checkout,
	 * on the port offset it last ran with (0 at first).
	 */
	public static Builder builder(Checkout checkout) {
		return new Builder(checkout);
	}

	public StackPlan plan() {
		return this.plan;
	}

	public StackState state() {
		return this.state;
	}

	public Checkout checkout() {
		return this.checkout;
	}

	/** The main port of a component in this stack's port plan. */
	public int port(String component) {
		return this.plan.ports().port(component);
	}

	public String url(String component) {
		return this.plan.component(component).url(this.plan.ports());
	}

	/** Starts every component that is not running and healthy; waits until all are. */
	public void up(Progress progress) {
		up(List.of(), progress);
	}

	/**
	 * Starts the named components (all when empty) and what they need, leaving healthy
	 * ones alone; independent components start in parallel, each once what it needs is
	 * healthy.
	 * @throws StackStartFailure when a component does not become healthy (what started
	 * keeps running)
	 */
	public void up(Collection<String> names, Progress progress) {
		List<Component> targets = this.plan.withDependencies(names);
		requireSamePortPlan();
		this.state.recordPortOffset(this.plan.ports().offset());
		ExecutorService pool;
		synchronized (this.lifecycle) {
			if (this.closing) {
				throw new IllegalStateException("The stack is closed");
			}
			if (this.boundToThisJvm) {
				startWatchdog();
			}
			pool = Executors.newFixedThreadPool(this.parallelism, threadFactory("orderflow-start-"));
			this.starters = pool;
		}
		try {
			startInDependencyOrder(targets, new ExecutorCompletionService<>(pool), progress);
		}
		finally {
			pool.shutdownNow();
			synchronized (this.lifecycle) {
				this.starters = null;
			}
		}
	}

	private void startInDependencyOrder(List<Component> targets, CompletionService<Outcome> completion,
			Progress progress) {
		Set<String> healthy = new HashSet<>();
		List<Component> pending = new ArrayList<>();
		Scan scan = new Scan();
		for (Component component : targets) {
			Optional<Running> running = attach(component, scan);
			if (running.isPresent() && isReady(component)) {
				healthy.add(component.name());
				progress.alreadyHealthy(component);
			}
			else {
				pending.add(component);
			}
		}
		List<StartupFailure> failures = new ArrayList<>();
		int inFlight = 0;
		while (true) {
			if (failures.isEmpty() && !isClosing()) {
				Iterator<Component> candidates = pending.iterator();
				while (candidates.hasNext() && inFlight < this.parallelism) {
					Component component = candidates.next();
					if (healthy.containsAll(this.plan.dependencies(component.name()))) {
						candidates.remove();
						inFlight++;
						completion.submit(() -> ensureHealthy(component, progress));
					}
				}
			}
			if (inFlight == 0) {
				break;
			}
			Outcome outcome = next(completion);
			inFlight--;
			if (outcome.failure() == null) {
				healthy.add(outcome.component().name());
				progress.healthy(outcome.component(), outcome.took());
			}
			else if (!isClosing()) {
				failures.add(outcome.failure());
				progress.failed(outcome.component(), outcome.failure());
			}
		}
		if (isClosing()) {
			throw new IllegalStateException("The stack was stopped while starting");
		}
		if (!failures.isEmpty()) {
			throw new StackStartFailure(failures, pending.stream().map(Component::name).toList());
		}
	}

	private static Outcome next(CompletionService<Outcome> completion) {
		try {
			return completion.take().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the stack", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Starts the component unless it runs already (started by another launcher run and
	 * still starting), then waits until it is healthy. Never throws: a failure is an
	 * outcome.
	 */
	private Outcome ensureHealthy(Component component, Progress progress) {
		long started = System.nanoTime();
		try {
			Optional<Running> running = attach(component, new Scan());
			if (running.isPresent()) {
				running.get().process().awaitReady(component.startTimeout(), () -> isReady(component));
			}
			else {
				start(component, progress);
			}
			return new Outcome(component, Duration.ofNanos(System.nanoTime() - started), null);
		}
		catch (StartupFailure ex) {
			return new Outcome(component, Duration.ZERO, ex);
		}
		catch (RuntimeException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.toString();
			return new Outcome(component, Duration.ZERO, new StartupFailure(component.name(),
					"failed to start: " + reason, this.state.logFile(component.name())));
		}
	}

	private void start(Component component, Progress progress) {
		String name = component.name();
		Path log = this.state.logFile(name);
		this.state.rotateLog(name);
		appendToLog(log, "---- orderflow: starting " + name + " at " + Instant.now() + " ----");
		for (int port : this.plan.ports().ports(name).values()) {
			if (Probes.listening(port)) {
				String reason = "cannot start: port " + port
						+ " is taken by a process outside this stack (another stack? change --port-offset)";
				appendToLog(log, reason);
				throw new StartupFailure(name, reason, log);
			}
		}
		this.state.forgetPid(name);
		progress.starting(component);
		Running running = switch (component.launch()) {
			case Launch.NodeLaunch node -> startNode(component, node);
			case Launch.ServiceLaunch service ->
				startProcess(component, this.plan.serviceCommand(component, NodeLauncher.javaExecutable(),
						this.checkout.serviceJar(service.module()), this.checkout.tool(AGENT_TOOL), this.state.root()));
			case Launch.SimulatorLaunch simulator ->
				startProcess(component, this.plan.simulatorCommand(component, NodeLauncher.javaExecutable(),
						this.checkout.serviceJar(simulator.module()), this.checkout.root(), this.state.root()));
			case Launch.ProgramLaunch program ->
				startProcess(component, this.plan.programCommand(component, NodeLauncher.javaExecutable(),
						this.checkout.tool(program.tool()), this.checkout.root(), this.state.root()));
		};
		try {
			running.process().awaitReady(component.startTimeout(), () -> isHealthy(component));
		}
		catch (StartupFailure ex) {
			running.kill();
			this.state.forgetPid(name);
			throw ex;
		}
	}

	private Running startNode(Component component, Launch.NodeLaunch launch) {
		requireNotClosing(component);
		Map<String, String> arguments = this.plan.nodeArguments(component, this.state.dataDirectory(component.name()));
		RunningNode node = this.nodeLauncher.start(launch.node(), component.name(), arguments,
				this.state.runDirectory(), this.state.logFile(component.name()), this.boundToThisJvm,
				component.startTimeout());
		this.state.recordPid(component.name(), node.process().pid());
		return new Running(component, node.process(), Optional.of(node));
	}

	private Running startProcess(Component component, List<String> command) {
		synchronized (this.lifecycle) {
			requireNotClosing(component);
			ManagedProcess process = ManagedProcess.start(component.name(), command, Map.of(),
					this.state.dataDirectory(component.name()), this.state.logFile(component.name()));
			this.state.recordPid(component.name(), process.pid());
			return new Running(component, process, Optional.empty());
		}
	}

	private void requireNotClosing(Component component) {
		if (isClosing()) {
			throw new StartupFailure(component.name(), "not started: the stack is stopping",
					this.state.logFile(component.name()));
		}
	}

	/** Stops everything: services first (gateway first), then the infrastructure. */
	public void down(Progress progress) {
		Scan scan = new Scan();
		Set<String> stopped = new HashSet<>();
		for (Tier tier : List.of(Tier.SERVICE, Tier.INFRASTRUCTURE)) {
			List<Component> remaining = new ArrayList<>(
					this.plan.stopOrder().stream().filter((component) -> component.tier() == tier).toList());
			while (!remaining.isEmpty()) {
				List<Component> wave = remaining.stream()
					.filter((component) -> stopped.containsAll(this.plan.dependents(component.name())))
					.toList();
				List<Component> stopping = wave.isEmpty() ? List.copyOf(remaining) : wave;
				inParallel(stopping, (component) -> stop(component, scan, progress));
				stopping.forEach((component) -> stopped.add(component.name()));
				remaining.removeAll(stopping);
			}
		}
		stopStragglers();
	}

	/** Stops one component (not what needs it). */
	public void stop(String name, Progress progress) {
		stop(this.plan.component(name), new Scan(), progress);
	}

	private void stop(Component component, Scan scan, Progress progress) {
		Optional<Running> running = attach(component, scan);
		if (running.isPresent()) {
			progress.stopping(component);
			long started = System.nanoTime();
			running.get().stop();
			progress.stopped(component, Duration.ofNanos(System.nanoTime() - started));
		}
		this.state.forgetPid(component.name());
		deleteIfExists(this.state.readyFile(component.name()));
	}

	/**
	 * Processes of this stack found by their markers but in no pid file: a start
	 * interrupted before its pid was recorded.
	 */
	private void stopStragglers() {
		new Scan().all()
			.forEach((name, pids) -> pids.forEach(
					(pid) -> ManagedProcess.attach(name, pid, this.state.logFile(name)).stop(STOP_GRACE, List.of())));
	}

	/**
	 * Stops a component if it runs, starts it and waits until it is healthy.
	 * @throws StartupFailure when it does not become healthy
	 */
	public void restart(String name, Progress progress) {
		Component component = this.plan.component(name);
		stop(component, new Scan(), progress);
		Outcome outcome = ensureHealthy(component, progress);
		if (outcome.failure() != null) {
			progress.failed(component, outcome.failure());
			throw outcome.failure();
		}
		progress.healthy(component, outcome.took());
	}

	/**
	 * SIGKILLs a component's processes, as a crash would; its pid file stays, so status
	 * reports it down until it is restarted.
	 * @return whether it was running
	 */
	public boolean kill(String name) {
		Component component = this.plan.component(name);
		Optional<Running> running = attach(component, new Scan());
		running.ifPresent(Running::kill);
		return running.isPresent();
	}

	/** A live check of every component, probed in parallel. */
	public List<ComponentStatus> status() {
		Scan scan = new Scan();
		Map<String, ComponentStatus> statuses = new ConcurrentHashMap<>();
		inParallel(this.plan.components(), (component) -> statuses.put(component.name(), status(component, scan)));
		return this.plan.components().stream().map((component) -> statuses.get(component.name())).toList();
	}

	public ComponentStatus status(String name) {
		return status(this.plan.component(name), new Scan());
	}

	private ComponentStatus status(Component component, Scan scan) {
		String ports = this.plan.ports().describe(component.name());
		String url = component.url(this.plan.ports());
		Optional<Running> running = attach(component, scan);
		if (running.isEmpty()) {
			OptionalLong recorded = this.state.pid(component.name());
			return new ComponentStatus(component, ports, url, recorded,
					recorded.isPresent() ? State.DOWN : State.STOPPED, 0);
		}
		Running process = running.get();
		State state;
		if (process.node().isPresent() && !Files.isRegularFile(this.state.readyFile(component.name()))) {
			state = State.STARTING;
		}
		else {
			state = isHealthy(component) ? State.HEALTHY : State.UNHEALTHY;
		}
		return new ComponentStatus(component, ports, url, OptionalLong.of(process.process().pid()), state,
				ProcessMetrics.rssKilobytes(process.groups()));
	}

	/** Stops whatever is starting, then the whole stack, then the watchdog. */
	@Override
	public void close() {
		close(Progress.SILENT);
	}

	public void close(Progress progress) {
		ExecutorService pool;
		synchronized (this.lifecycle) {
			this.closing = true;
			pool = this.starters;
		}
		if (pool != null) {
			pool.shutdownNow();
			try {
				pool.awaitTermination(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		down(progress);
		synchronized (this.lifecycle) {
			if (this.watchdog != null) {
				this.watchdog.kill(List.of());
				this.watchdog = null;
			}
		}
	}

	/**
	 * A shell that waits for this JVM to end, however it ends, then runs {@code Cli down}
	 * on the state directory: services have no parent watch of their own, and nodes that
	 * do must still be stopped in order.
	 */
	private void startWatchdog() {
		if (this.watchdog != null && this.watchdog.isAlive()) {
			return;
		}
		String classpath = codeSource(Cli.class) + File.pathSeparator + codeSource(NodeRuntime.class);
		String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; exec "
				+ quote(NodeLauncher.javaExecutable()) + " -cp " + quote(classpath) + " "
				+ quote("-Dorderflow.checkout=" + this.checkout.root()) + " " + Cli.class.getName()
				+ " down --state-dir " + quote(this.state.root().toString());
		this.watchdog = ManagedProcess.start("watchdog", List.of("/bin/sh", "-c", script), Map.of(),
				this.state.runDirectory(), this.state.logFile("watchdog"));
	}

	private static String codeSource(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String quote(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	private void requireSamePortPlan() {
		this.state.portOffset().ifPresent((recorded) -> {
			if (recorded != this.plan.ports().offset() && isAnythingRunning()) {
				throw new IllegalStateException("The stack in " + this.state.root() + " runs on port offset " + recorded
						+ ", not " + this.plan.ports().offset() + ": stop it first (./orderflow down)");
			}
		});
	}

	private boolean isAnythingRunning() {
		Scan scan = new Scan();
		return this.plan.components().stream().anyMatch((component) -> attach(component, scan).isPresent());
	}

	private boolean isClosing() {
		synchronized (this.lifecycle) {
			return this.closing;
		}
	}

	private boolean isHealthy(Component component) {
		return component.health().isHealthy(port(component.name()));
	}

	/**
	 * Healthy, and for a node also announced ready (it may serve before it is set up).
	 */
	private boolean isReady(Component component) {
		boolean announced = !(component.launch() instanceof Launch.NodeLaunch)
				|| Files.isRegularFile(this.state.readyFile(component.name()));
		return announced && isHealthy(component);
	}

	/**
	 * The component's live process: the one in its pid file if that still is it, else one
	 * found by its markers.
	 */
	private Optional<Running> attach(Component component, Scan scan) {
		OptionalLong recorded = this.state.pid(component.name());
		Optional<Long> pid = (recorded.isPresent() && isProcessOf(recorded.getAsLong(), component.name()))
				? Optional.of(recorded.getAsLong()) : scan.find(component.name());
		return pid.map((found) -> running(component, found));
	}

	private Running running(Component component, long pid) {
		ManagedProcess process = ManagedProcess.attach(component.name(), pid, this.state.logFile(component.name()));
		if (component.launch() instanceof Launch.NodeLaunch launch) {
			return new Running(component, process, Optional
				.of(new RunningNode(component.name(), launch.node(), process, this.state.readyFile(component.name()))));
		}
		return new Running(component, process, Optional.empty());
	}

	private boolean isProcessOf(long pid, String component) {
		return ProcessMetrics.isRunning(pid) && ProcessHandle.of(pid)
			.map((process) -> componentOf(process).filter(component::equals).isPresent())
			.orElse(false);
	}

	/**
	 * Which component of this stack a process is, judged by the markers on its command
	 * line: nodes carry their ready file, services and programs the state directory.
	 */
	private Optional<String> componentOf(ProcessHandle process) {
		List<String> arguments = ProcessMetrics.arguments(process);
		String prefix = "-D" + StackPlan.COMPONENT_PROPERTY + "=";
		Optional<String> name = arguments.stream()
			.filter((argument) -> argument.startsWith(prefix))
			.map((argument) -> argument.substring(prefix.length()))
			.findFirst();
		return name.filter((candidate) -> this.plan.find(candidate).isPresent())
			.filter((candidate) -> arguments.contains("-D" + StackPlan.STATE_DIR_PROPERTY + "=" + this.state.root())
					|| arguments.contains("-D" + NodeRuntime.READY_FILE + "=" + this.state.readyFile(candidate)));
	}

	private static void inParallel(List<Component> components, Consumer<Component> action) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = components.stream()
				.<Future<?>>map((component) -> executor.submit(() -> action.accept(component)))
				.toList();
			for (Future<?> future : futures) {
				try {
					future.get();
				}
				catch (ExecutionException ex) {
					throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
							: new IllegalStateException(ex.getCause());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static ThreadFactory threadFactory(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static void appendToLog(Path log, String line) {
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteIfExists(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Outcome(Component component, Duration took, StartupFailure failure) {

	}

	/** A component's live process, a node with its ready-file facts. */
	private record Running(Component component, ManagedProcess process, Optional<RunningNode> node) {

		void stop() {
			this.node.ifPresentOrElse(RunningNode::stop, () -> this.process.stop(STOP_GRACE, List.of()));
		}

		void kill() {
			this.node.ifPresentOrElse(RunningNode::kill, () -> this.process.kill(List.of()));
		}

		/** Its process group and those of processes it detached (the postmaster). */
		List<Long> groups() {
			List<Long> groups = new ArrayList<>();
			groups.add(this.process.pid());
			this.node.ifPresent((running) -> groups.addAll(running.extraPids()));
			return groups;
		}

	}

	/** The processes of this stack by their markers, looked up once per operation. */
	private final class Scan {

		private Map<String, List<Long>> found;

		Optional<Long> find(String component) {
			return all().getOrDefault(component, List.of()).stream().findFirst();
		}

		synchronized Map<String, List<Long>> all() {
			if (this.found == null) {
				Map<String, List<Long>> byComponent = new LinkedHashMap<>();
				ProcessHandle.allProcesses()
					.filter((process) -> ProcessMetrics.isRunning(process.pid()))
					.forEach((process) -> componentOf(process)
						.ifPresent((name) -> byComponent.computeIfAbsent(name, (key) -> new ArrayList<>())
							.add(process.pid())));
				this.found = byComponent;
			}
			return this.found;
		}

	}

	/** How to build a {@link LocalStack}. */
	public static final class Builder {

		private final Checkout checkout;

		private StackState state;

		private Integer portOffset;

		private int parallelism = DEFAULT_PARALLELISM;

		private boolean boundToThisJvm;

		private List<Component> components = Components.standard();

		private Builder(Checkout checkout) {
			this.checkout = checkout;
			this.state = new StackState(checkout.root().resolve(".orderflow"));
		}

		public Builder stateDirectory(Path directory) {
			this.state = new StackState(directory);
			return this;
		}

		/** Shifts every port; without it, the offset the stack last ran with, or 0. */
		public Builder portOffset(int offset) {
			this.portOffset = offset;
			return this;
		}

		public Builder parallelism(int parallelism) {
			if (parallelism < 1) {
				throw new IllegalArgumentException("parallelism must be at least 1");
			}
			this.parallelism = parallelism;
			return this;
		}

		/**
		 * Everything this stack starts ends when this JVM ends, however it ends (for
		 * tests).
		 */
		public Builder boundToThisJvm() {
			this.boundToThisJvm = true;
			return this;
		}

		/** Replaces the components table (tests of the launcher itself). */
		public Builder components(List<Component> components) {
			this.components = List.copyOf(components);
			return this;
		}

		/**
		 * Builds the stack of the declared components whose modules exist in the
		 * checkout.
		 */
		public LocalStack build() {
			List<Component> present = this.components.stream()
				.filter((component) -> component.module()
					.map((module) -> Files.isRegularFile(this.checkout.root().resolve(module).resolve("pom.xml")))
					.orElse(true))
				.toList();
			int offset = (this.portOffset != null) ? this.portOffset : this.state.portOffset().orElse(0);
			return new LocalStack(this, StackPlan.of(present, offset));
		}

	}

}
