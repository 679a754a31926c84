package io.orderflow.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which port every component listens on: the documented base ports of the components
 * table, all shifted by one offset.
 * <p>
 * A developer's {@code ./orderflow up} uses offset 0; system tests use another offset so
 * both can run on one machine at the same time. The base ports stay clear of a locally
 * installed PostgreSQL (5432) and Redis (6379), and of the Linux ephemeral range, so a
 * client's outgoing connection never holds a port a component needs.
 */
public final class PortPlan {

	/** Ports the local stack must never take: commonly installed servers. */
	static final Set<Integer> RESERVED = Set.of(5432, 6379, 27017, 9092, 9200, 9300);

	private static final int EPHEMERAL_START = 32768;

	private final int offset;

	private final Map<String, Map<String, Integer>> ports;

	private PortPlan(int offset, Map<String, Map<String, Integer>> ports) {
		this.offset = offset;
		this.ports = ports;
	}

	/**
	 * The plan for {@code components} shifted by {@code offset}; rejects plans where two
	 * components share a port or a port leaves the safe range.
	 */
	public static PortPlan of(List<Component> components, int offset) {
		Map<String, Map<String, Integer>> ports = new LinkedHashMap<>();
		Map<Integer, String> owners = new LinkedHashMap<>();
		for (Component component : components) {
			Map<String, Integer> own = new LinkedHashMap<>();
			own.put(Component.MAIN_PORT, component.port() + offset);
			component.extraPorts().forEach((role, base) -> own.put(role, base + offset));
			own.forEach((role, port) -> {
				String owner = component.name() + (role.equals(Component.MAIN_PORT) ? "" : " (" + role + ")");
				if (port < 1024 || port >= EPHEMERAL_START) {
					throw new IllegalArgumentException("Port " + port + " for " + owner + " is outside 1024.."
							+ (EPHEMERAL_START - 1) + " (port offset " + offset + ")");
				}
				if (RESERVED.contains(port)) {
					throw new IllegalArgumentException(
							"Port " + port + " for " + owner + " belongs to a commonly installed server");
				}
				String previous = owners.putIfAbsent(port, owner);
				if (previous != null) {
					throw new IllegalArgumentException("Port " + port + " is planned for both " + previous + " and "
							+ owner + " (port offset " + offset + ")");
				}
			});
			ports.put(component.name(), Collections.unmodifiableMap(own));
		}
		return new PortPlan(offset, Collections.unmodifiableMap(ports));
	}

	public int offset() {
		return this.offset;
	}

	/** The component's main port (the one clients use). */
	public int port(String component) {
		return port(component, Component.MAIN_PORT);
	}

	/** One of the component's ports by role, e.g. Kafka's {@code controller-port}. */
	public int port(String component, String role) {
		Map<String, Integer> own = this.ports.get(component);
		if (own == null) {
			throw new IllegalArgumentException("No component named " + component + " in the port plan");
		}
		Integer port = own.get(role);
		if (port == null) {
			throw new IllegalArgumentException(component + " has no " + role);
		}
		return port;
	}

	/** Every port of the component: its main port first. */
	public Map<String, Integer> ports(String component) {
		return this.ports.getOrDefault(component, Map.of());
	}

	/** Every port in the plan, ascending. */
	public Set<Integer> allPorts() {
		Set<Integer> all = new TreeSet<>();
		this.ports.values().forEach((own) -> all.addAll(own.values()));
		return all;
	}

	/**
	 * Ports this plan shares with {@code other}: empty when both stacks can run at once.
	 */
	public Set<Integer> sharedWith(PortPlan other) {
		Set<Integer> shared = new TreeSet<>(allPorts());
		shared.retainAll(other.allPorts());
		return shared;
	}

	/** Human-readable ports of a component: {@code 19092, controller-port 19093}. */
	public String describe(String component) {
		List<String> parts = new ArrayList<>();
		ports(component).forEach((role, port) -> parts
			.add(role.equals(Component.MAIN_PORT) ? Integer.toString(port) : role.replace("-port", "") + " " + port));
		return String.join(", ", parts);
	}

}
