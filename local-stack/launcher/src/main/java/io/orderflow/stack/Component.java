package io.orderflow.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One process of the local stack, as declared in {@link Components}: its name, base
 * port(s), what it needs, how it is started and how its health is checked.
 *
 * @param name the name used on the command line, in logs and state files
 * @param tier infrastructure or service
 * @param port the base main port (before the plan's offset)
 * @param extraPorts further base ports by role, passed to nodes as
 * {@code --<role>=<port>}
 * @param needs the components it needs (healthy before it starts)
 * @param launch how its process is started
 * @param health how its health is checked on its main port
 * @param urlTemplate how clients reach it, {@code {port}} standing for the main port
 * @param startTimeout how long it may take to become healthy on a busy small machine
 */
public record Component(String name, Tier tier, int port, Map<String, Integer> extraPorts, List<Need> needs,
		Launch launch, HealthCheck health, String urlTemplate, Duration startTimeout) {

	static final String MAIN_PORT = "port";

	/**
	 * Heap for a service JVM. A dozen JVMs share the machine; a bounded heap keeps each
	 * footprint predictable (the default, a quarter of RAM, lets every JVM grow into
	 * gigabytes before collecting) and makes a leak fail fast instead of starving the
	 * rest. The serial collector suits heaps this size and adds no concurrent GC threads
	 * competing for two cores with thirteen other processes.
	 */
	static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError");

	/**
	 * Heap for a simulator: it keeps a few thousand small records, and without the agent
	 * it needs far less than a service.
	 */
	static final List<String> SIMULATOR_JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
			"-XX:+ExitOnOutOfMemoryError");

	private static final Duration NODE_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(4);

	public Component {
		extraPorts = Map.copyOf(extraPorts);
		needs = List.copyOf(needs);
	}

	/** An embedded server node. */
	public static Component node(String name, Node node, int port, HealthCheck health, String urlTemplate) {
		return new Component(name, Tier.INFRASTRUCTURE, port, Map.of(), List.of(),
				new Launch.NodeLaunch(node, (plan) -> Map.of()), health, urlTemplate, NODE_TIMEOUT);
	}

	/** An executable jar from the launcher's tools directory (Zipkin, a simulator). */
	public static Component program(String name, Tier tier, String tool, int port, List<String> jvmOptions,
			Function<Launch.ProgramContext, List<String>> arguments, HealthCheck health, String urlTemplate) {
		return new Component(name, tier, port, Map.of(), List.of(),
				new Launch.ProgramLaunch(tool, jvmOptions, arguments), health, urlTemplate, NODE_TIMEOUT);
	}

	/**
	 * A Spring Boot service module: runs its executable jar with the OpenTelemetry agent
	 * (so it needs Zipkin), health at {@code /actuator/health}.
	 */
	public static Component service(String module, int port, Need... needs) {
		List<Need> all = new ArrayList<>();
		all.add(Need.after("zipkin"));
		all.addAll(Arrays.asList(needs));
		return new Component(module, Tier.SERVICE, port, Map.of(), all,
				new Launch.ServiceLaunch(module, SERVICE_JVM_OPTIONS, (ports) -> Map.of()),
				HealthCheck.http("/actuator/health"), "http://127.0.0.1:{port}", SERVICE_TIMEOUT);
	}

	/**
	 * A simulated external system built from {@code module} (a path in the checkout, e.g.
	 * {@code local-stack/payment-provider}), health at {@code /actuator/health}. It is
	 * infrastructure to the services: it needs nothing, starts before and stops after the
	 * services that call it.
	 */
	public static Component simulator(String name, String module, int port,
			Function<Launch.ProgramContext, List<String>> arguments) {
		return new Component(name, Tier.INFRASTRUCTURE, port, Map.of(), List.of(),
				new Launch.SimulatorLaunch(module, SIMULATOR_JVM_OPTIONS, arguments),
				HealthCheck.http("/actuator/health"), "http://127.0.0.1:{port}", SERVICE_TIMEOUT);
	}

	/** With a further port, e.g. Kafka's {@code controller-port}. */
	public Component withPort(String role, int basePort) {
		Map<String, Integer> ports = new LinkedHashMap<>(this.extraPorts);
		ports.put(role, basePort);
		return new Component(this.name, this.tier, this.port, ports, this.needs, this.launch, this.health,
				this.urlTemplate, this.startTimeout);
	}

	/** A node with further arguments derived from the whole plan. */
	public Component withNodeArguments(Function<StackPlan, Map<String, String>> arguments) {
		if (!(this.launch instanceof Launch.NodeLaunch nodeLaunch)) {
			throw new IllegalStateException(this.name + " is not a node");
		}
		return new Component(this.name, this.tier, this.port, this.extraPorts, this.needs,
				new Launch.NodeLaunch(nodeLaunch.node(), arguments), this.health, this.urlTemplate, this.startTimeout);
	}

	/** A service with Spring Boot properties of its own, derived from the port plan. */
	public Component withProperties(Function<PortPlan, Map<String, String>> properties) {
		if (!(this.launch instanceof Launch.ServiceLaunch service)) {
			throw new IllegalStateException(this.name + " is not a service");
		}
		return new Component(this.name, this.tier, this.port, this.extraPorts, this.needs,
				new Launch.ServiceLaunch(service.module(), service.jvmOptions(), properties), this.health,
				this.urlTemplate, this.startTimeout);
	}

	public Component withHealth(HealthCheck health) {
		return new Component(this.name, this.tier, this.port, this.extraPorts, this.needs, this.launch, health,
				this.urlTemplate, this.startTimeout);
	}

	public Component withStartTimeout(Duration timeout) {
		return new Component(this.name, this.tier, this.port, this.extraPorts, this.needs, this.launch, this.health,
				this.urlTemplate, timeout);
	}

	/**
	 * The module (its path in the checkout) whose jar this component runs, if it is a
	 * service or a simulator.
	 */
	public Optional<String> module() {
		return switch (this.launch) {
			case Launch.ServiceLaunch service -> Optional.of(service.module());
			case Launch.SimulatorLaunch simulator -> Optional.of(simulator.module());
			case Launch.NodeLaunch node -> Optional.empty();
			case Launch.ProgramLaunch program -> Optional.empty();
		};
	}

	public String url(PortPlan ports) {
		return this.urlTemplate.replace("{port}", Integer.toString(ports.port(this.name)));
	}

}
