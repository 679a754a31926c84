package io.orderflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The components that make up one stack, in start order, with their ports: everything
 * about a stack that needs no process, so it can be checked by plain unit tests.
 */
public final class StackPlan {

	/** System property naming the component on every process the launcher starts. */
	static final String COMPONENT_PROPERTY = "orderflow.component";

	/** System property naming the state directory on services and programs. */
	static final String STATE_DIR_PROPERTY = "orderflow.state-dir";

	private final List<Component> components;

	private final PortPlan ports;

	private StackPlan(List<Component> components, PortPlan ports) {
		this.components = components;
		this.ports = ports;
	}

	/**
	 * Orders {@code declared} so every component comes after what it needs (declaration
	 * order otherwise), dropping orderings on components that are not there.
	 */
	public static StackPlan of(List<Component> declared, int portOffset) {
		Map<String, Component> byName = new LinkedHashMap<>();
		for (Component component : declared) {
			if (byName.putIfAbsent(component.name(), component) != null) {
				throw new IllegalArgumentException("Two components are named " + component.name());
			}
		}
		List<Component> present = new ArrayList<>();
		for (Component component : declared) {
			List<Need> needs = new ArrayList<>();
			for (Need need : component.needs()) {
				if (byName.containsKey(need.component())) {
					needs.add(need);
				}
				else if (need.required()) {
					throw new IllegalArgumentException(
							component.name() + " needs " + need.component() + ", which is not part of the stack");
				}
			}
			present.add(new Component(component.name(), component.tier(), component.port(), component.extraPorts(),
					needs, component.launch(), component.health(), component.urlTemplate(), component.startTimeout()));
		}
		return new StackPlan(topologicalOrder(present), PortPlan.of(present, portOffset));
	}

	private static List<Component> topologicalOrder(List<Component> components) {
		List<Component> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		List<Component> remaining = new ArrayList<>(components);
		while (!remaining.isEmpty()) {
			Component next = remaining.stream()
				.filter((candidate) -> candidate.needs().stream().allMatch((need) -> placed.contains(need.component())))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"The needs of " + remaining.stream().map(Component::name).toList() + " form a cycle"));
			ordered.add(next);
			placed.add(next.name());
			remaining.remove(next);
		}
		return List.copyOf(ordered);
	}

	/** Every component, each after the components it needs. */
	public List<Component> components() {
		return this.components;
	}

	/**
	 * The reverse of the start order: a component stops after everything that needs it.
	 */
	public List<Component> stopOrder() {
		return this.components.reversed();
	}

	public PortPlan ports() {
		return this.ports;
	}

	public Optional<Component> find(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	public Component component(String name) {
		return find(name).orElseThrow(() -> new IllegalArgumentException("No component named '" + name
				+ "'. Components: " + this.components.stream().map(Component::name).collect(Collectors.joining(", "))));
	}

	/** The names of the components {@code name} needs directly. */
	public List<String> dependencies(String name) {
		return component(name).needs().stream().map(Need::component).distinct().toList();
	}

	/** The names of the components that need {@code name} directly. */
	public List<String> dependents(String name) {
		return this.components.stream()
			.filter((component) -> component.needs().stream().anyMatch((need) -> need.component().equals(name)))
			.map(Component::name)
			.toList();
	}

	/**
	 * {@code names} and everything they need, transitively, in start order; every
	 * component when {@code names} is empty.
	 */
	public List<Component> withDependencies(Collection<String> names) {
		if (names.isEmpty()) {
			return this.components;
		}
		Set<String> wanted = new LinkedHashSet<>();
		List<String> queue = new ArrayList<>(names);
		while (!queue.isEmpty()) {
			String name = queue.removeFirst();
			if (wanted.add(component(name).name())) {
				queue.addAll(dependencies(name));
			}
		}
		return this.components.stream().filter((component) -> wanted.contains(component.name())).toList();
	}

	/** The PostgreSQL databases the services need, one per service, sorted. */
	public List<String> databases() {
		Set<String> databases = new TreeSet<>();
		this.components
			.forEach((component) -> component.needs().forEach((need) -> need.database().ifPresent(databases::add)));
		return List.copyOf(databases);
	}

	/** The {@code --key=value} arguments of a node: data directory, ports, extras. */
	public Map<String, String> nodeArguments(Component component, Path dataDirectory) {
		if (!(component.launch() instanceof Launch.NodeLaunch node)) {
			throw new IllegalArgumentException(component.name() + " is not a node");
		}
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("data-dir", dataDirectory.toAbsolutePath().toString());
		this.ports.ports(component.name()).forEach((role, port) -> arguments.put(role, Integer.toString(port)));
		arguments.putAll(node.arguments().apply(this));
		return arguments;
	}

	/**
	 * A service's command line: bounded JVM, the OpenTelemetry agent exporting to this
	 * stack's Zipkin, the component markers, then its port and every need's settings.
	 */
	public List<String> serviceCommand(Component component, String java, Path jar, Path agent, Path stateDirectory) {
		if (!(component.launch() instanceof Launch.ServiceLaunch service)) {
			throw new IllegalArgumentException(component.name() + " is not a service");
		}
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(service.jvmOptions());
		command.add("-javaagent:" + agent.toAbsolutePath());
		command.add("-Dotel.service.name=" + service.module());
		command.add("-Dotel.traces.exporter=zipkin");
		command.add("-Dotel.exporter.zipkin.endpoint=http://" + Probes.HOST + ":" + this.ports.port("zipkin")
				+ "/api/v2/spans");
		command.add("-Dotel.metrics.exporter=none");
		command.add("-Dotel.logs.exporter=none");
		// Export every second rather than every five: a trace shows in Zipkin right after
		// the request, and an idle service exports nothing either way.
		command.add("-Dotel.bsp.schedule.delay=1000");
		command.addAll(markers(component, stateDirectory));
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.addAll(serviceArguments(component));
		return command;
	}

	/**
	 * The Spring Boot properties a service gets: its port on the loopback address and the
	 * connection settings of everything it needs.
	 */
	public List<String> serviceArguments(Component component) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", Integer.toString(this.ports.port(component.name())));
		properties.put("server.address", Probes.HOST);
		component.needs().forEach((need) -> properties.putAll(need.properties().apply(this.ports)));
		if (component.launch() instanceof Launch.ServiceLaunch service) {
			properties.putAll(service.properties().apply(this.ports));
		}
		return properties.entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue()).toList();
	}

	/**
	 * A simulator's command line: its JVM options, the markers, its jar, then a service's
	 * arguments (port, address, needs) and its own.
	 */
	public List<String> simulatorCommand(Component component, String java, Path jar, Path checkout,
			Path stateDirectory) {
		if (!(component.launch() instanceof Launch.SimulatorLaunch simulator)) {
			throw new IllegalArgumentException(component.name() + " is not a simulator");
		}
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(simulator.jvmOptions());
		command.addAll(markers(component, stateDirectory));
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.addAll(serviceArguments(component));
		command.addAll(simulator.arguments().apply(programContext(component, checkout, stateDirectory)));
		return command;
	}

	/** A program's command line: its JVM options, the markers, its jar and arguments. */
	public List<String> programCommand(Component component, String java, Path jar, Path checkout, Path stateDirectory) {
		if (!(component.launch() instanceof Launch.ProgramLaunch program)) {
			throw new IllegalArgumentException(component.name() + " is not a program");
		}
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(program.jvmOptions());
		command.addAll(markers(component, stateDirectory));
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		command.addAll(program.arguments().apply(programContext(component, checkout, stateDirectory)));
		return command;
	}

	private Launch.ProgramContext programContext(Component component, Path checkout, Path stateDirectory) {
		return new Launch.ProgramContext(this.ports, checkout,
				new StackState(stateDirectory).dataDirectory(component.name()));
	}

	/**
	 * Lets a later launcher recognise the process as this component of this stack, even
	 * without a pid file (a start interrupted by Ctrl-C), and never mistake a stranger
	 * that reused a recorded pid for it.
	 */
	private static List<String> markers(Component component, Path stateDirectory) {
		return List.of("-D" + COMPONENT_PROPERTY + "=" + component.name(),
				"-D" + STATE_DIR_PROPERTY + "=" + stateDirectory.toAbsolutePath());
	}

}
