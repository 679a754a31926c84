package io.orderflow.messaging.failure;

/** How a listener failure is handled. */
public enum FailureKind {

	/** Retrying cannot help: dead-letter topic at once. */
	PERMANENT,

	/**
	 * A dependency is down: retry in place with capped exponential backoff, without
	 * limit, never dead-letter.
	 */
	TRANSIENT,

	/** Unknown: a few retries with backoff, then the dead-letter topic. */
	UNCLASSIFIED

}
