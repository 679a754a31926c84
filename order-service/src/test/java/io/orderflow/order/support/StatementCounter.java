package io.orderflow.order.support;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares on the current thread while a test counts,
 * to prove a use case runs a fixed number of queries (no N+1).
 */
public class StatementCounter implements StatementInspector {

	private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

	/** Runs {@code action} on this thread and returns how many statements it prepared. */
	public static int count(Runnable action) {
		COUNT.set(new int[1]);
		try {
			action.run();
			return COUNT.get()[0];
		}
		finally {
			COUNT.remove();
		}
	}

	@Override
	public String inspect(String sql) {
		int[] count = COUNT.get();
		if (count != null) {
			count[0]++;
		}
		return sql;
	}

}
