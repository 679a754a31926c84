package io.orderflow.order.persistence;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The domain counts versions itself (its events carry them); Hibernate's optimistic lock
 * counts them in the database. These checks keep the two the same.
 */
final class Versions {

	private Versions() {
	}

	/**
	 * @throws OptimisticLockingFailureException when the stored version is not the one
	 * the change was decided on
	 */
	static void requireSuccessor(long stored, long changed, Object id) {
		if (stored != changed - 1) {
			throw new OptimisticLockingFailureException(
					id + " is at version " + stored + ", the change was decided on version " + (changed - 1));
		}
	}

	/**
	 * @throws IllegalStateException when the database holds another version than the
	 * domain
	 */
	static void requireStored(long stored, long expected, Object id) {
		if (stored != expected) {
			throw new IllegalStateException(id + " was stored as version " + stored + " instead of " + expected
					+ ": one transition per transaction");
		}
	}

}
