package io.orderflow.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** How a component's process is started. */
public sealed interface Launch {

	/**
	 * An embedded server node ({@link NodeLauncher}); it gets {@code --data-dir}, one
	 * {@code --<role>=<port>} per port of the component and {@code arguments}.
	 */
	record NodeLaunch(Node node, Function<StackPlan, Map<String, String>> arguments) implements Launch {

	}

	/**
	 * A Spring Boot service module's executable jar, run with the OpenTelemetry agent,
	 * its needs' connection settings and {@code properties} of its own derived from the
	 * port plan (the auth-server's issuer, say).
	 */
	record ServiceLaunch(String module, List<String> jvmOptions,
			Function<PortPlan, Map<String, String>> properties) implements Launch {

	}

	/**
	 * A Spring Boot application of this checkout that stands in for an external system
	 * (the payment provider simulator): its module's executable jar, {@code module} being
	 * its path in the checkout, started like a service (port, loopback address, needs'
	 * settings) but without the OpenTelemetry agent, since a real third party sends no
	 * spans to our Zipkin; plus arguments derived from where it runs.
	 */
	record SimulatorLaunch(String module, List<String> jvmOptions,
			Function<ProgramContext, List<String>> arguments) implements Launch {

	}

	/**
	 * An executable jar copied into {@code local-stack/launcher/target/tools} at build
	 * time (Zipkin, simulators), with arguments derived from where it runs.
	 */
	record ProgramLaunch(String tool, List<String> jvmOptions,
			Function<ProgramContext, List<String>> arguments) implements Launch {

	}

	/**
	 * What a program's arguments may refer to.
	 *
	 * @param ports the stack's port plan
	 * @param checkout the checkout's root directory (e.g. simulator mappings kept in it)
	 * @param dataDirectory the program's own data directory, kept between restarts
	 */
	record ProgramContext(PortPlan ports, Path checkout, Path dataDirectory) {

	}

}
