package io.orderflow.stack;

import java.time.Duration;

/**
 * What a {@link LocalStack} reports while it starts and stops components; the CLI prints
 * one line per component, tests stay silent.
 */
public interface Progress {

	/** Reports nothing. */
	Progress SILENT = new Progress() {
	};

	default void starting(Component component) {
	}

	default void healthy(Component component, Duration took) {
	}

	/** The component was already running and healthy, so it was left alone. */
	default void alreadyHealthy(Component component) {
	}

	default void failed(Component component, StartupFailure failure) {
	}

	default void stopping(Component component) {
	}

	default void stopped(Component component, Duration took) {
	}

}
