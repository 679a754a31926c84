package io.orderflow.testinfra;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * How this JVM's servers run. Chosen once from the system property {@value #PROPERTY} or
 * else the environment variable {@value #ENVIRONMENT_VARIABLE}: {@code auto} (the
 * default: containers when Testcontainers finds a Docker engine), {@code embedded} or
 * {@code containers}.
 */
public enum InfrastructureMode {

	/** The {@code local-stack} nodes, each its own JVM, on loopback. */
	EMBEDDED,

	/** Testcontainers, with pinned images. */
	CONTAINERS;

	public static final String PROPERTY = "orderflow.test-infra";

	public static final String ENVIRONMENT_VARIABLE = "ORDERFLOW_TEST_INFRA";

	/** The mode this JVM's settings select, asking Docker only when set to auto. */
	public static InfrastructureMode selected() {
		return select(System.getProperty(PROPERTY, System.getenv(ENVIRONMENT_VARIABLE)), Containers::isDockerAvailable);
	}

	static InfrastructureMode select(String setting, BooleanSupplier dockerAvailable) {
		String value = (setting != null) ? setting.strip().toLowerCase(Locale.ROOT) : "";
		return switch (value) {
			case "", "auto" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
			case "embedded" -> EMBEDDED;
			case "containers" -> CONTAINERS;
			default -> throw new IllegalArgumentException(PROPERTY + " (or " + ENVIRONMENT_VARIABLE
					+ ") must be auto, embedded or containers, not: " + setting);
		};
	}

}
