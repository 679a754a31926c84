package io.orderflow.stack;

/** Where a component sits in the system; services stop before the infrastructure. */
public enum Tier {

	/** Servers the services use: broker, databases, search, traces. */
	INFRASTRUCTURE,

	/** The services, each its own JVM with the OpenTelemetry agent. */
	SERVICE

}
