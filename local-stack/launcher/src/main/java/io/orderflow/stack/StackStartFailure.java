package io.orderflow.stack;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Components of a stack did not become healthy; the message names each, says why, points
 * at its log and shows the log's last lines.
 */
public class StackStartFailure extends RuntimeException {

	private final List<StartupFailure> failures;

	private final List<String> notStarted;

	public StackStartFailure(List<StartupFailure> failures, List<String> notStarted) {
		super(failures.stream().map(Throwable::getMessage).collect(Collectors.joining("\n"))
				+ (notStarted.isEmpty() ? "" : "\nnot started because of it: " + String.join(", ", notStarted)));
		this.failures = List.copyOf(failures);
		this.notStarted = List.copyOf(notStarted);
	}

	public List<StartupFailure> failures() {
		return this.failures;
	}

	/** Components that were not started because something they need failed. */
	public List<String> notStarted() {
		return this.notStarted;
	}

}
