package io.orderflow.order.application;

/** How a placement request was answered. */
public sealed interface Placement {

	/**
	 * The order is placed: by this request, or by an earlier one with the same key and
	 * the same content, whose response this is.
	 */
	record Accepted(StoredResponse response) implements Placement {
	}

	/** The key was used before for a different request; nothing was placed. */
	record KeyReused() implements Placement {
	}

}
