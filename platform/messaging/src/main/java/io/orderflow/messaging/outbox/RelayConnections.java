package io.orderflow.messaging.outbox;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the relay gets the connection that holds its leadership lock: ideally a
 * connection of its own outside the application's pool (a session that lives for hours
 * and must die with the lock), otherwise one borrowed from the pool for as long as the
 * relay leads or stands by.
 */
@FunctionalInterface
public interface RelayConnections {

	/**
	 * A new connection in autocommit mode, so that the advisory lock is the session's.
	 */
	Connection open() throws SQLException;

}
