package io.orderflow.stack;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * A component as found by a live check: its process (by pid file, or by its markers when
 * a start was interrupted) and its health probe.
 *
 * @param component the component
 * @param ports its ports, e.g. {@code 19092, controller 19093}
 * @param url how clients reach it
 * @param pid its process, if one runs or the pid file names a dead one
 * @param state what the check found
 * @param rssKilobytes resident memory of its process groups (0 when not running or not
 * measurable)
 */
public record ComponentStatus(Component component, String ports, String url, OptionalLong pid, State state,
		long rssKilobytes) {

	public String name() {
		return this.component.name();
	}

	public boolean isHealthy() {
		return this.state == State.HEALTHY;
	}

	public enum State {

		/** Running and answering its health check. */
		HEALTHY,

		/** Running, but a node has not announced readiness yet. */
		STARTING,

		/** Running, but not answering its health check. */
		UNHEALTHY,

		/**
		 * Was started and has not been stopped, but its process is gone (crashed,
		 * killed).
		 */
		DOWN,

		/** Not started, or stopped. */
		STOPPED;

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
