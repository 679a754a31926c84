package io.orderflow.messaging.envelope;

import java.util.Optional;

/**
 * The envelope of the message whose handler is running on this thread, set by the inbox
 * for the duration of the handler. The outbox reads it, so a message sent while handling
 * another gets that message's id as its causation id and inherits its correlation id and
 * idempotency key without the handler passing them along.
 */
public final class MessageContext {

	private static final ScopedValue<Envelope> CURRENT = ScopedValue.newInstance();

	private MessageContext() {
	}

	/** The envelope of the message being handled, if any. */
	public static Optional<Envelope> current() {
		return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
	}

	/** Runs {@code operation} with {@code envelope} as the current message. */
	public static <T, X extends Throwable> T callWith(Envelope envelope, ScopedValue.CallableOp<T, X> operation)
			throws X {
		return ScopedValue.where(CURRENT, envelope).call(operation);
	}

}
