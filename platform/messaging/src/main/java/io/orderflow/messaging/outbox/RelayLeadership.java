package io.orderflow.messaging.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The leadership of one relay: a PostgreSQL session advisory lock held on a connection of
 * its own, which also LISTENs for the wake-ups of writers in other instances. The lock
 * lives exactly as long as the session, so a leader that dies, stops or loses its
 * connection frees it without anybody's help, and a standby's next attempt takes over.
 * <p>
 * A listener thread waits for notifications on the connection and turns them into rings
 * of the {@link RelayDoorbell}; when the connection fails it marks the leadership lost,
 * so the relay stops publishing before a standby can have started.
 */
final class RelayLeadership implements AutoCloseable {

	/** "outbox" in ASCII: one relay per database, whatever the service. */
	static final long LOCK_KEY = 0x6F7574626F78L;

	private static final Log logger = LogFactory.getLog(RelayLeadership.class);

	/** How long the listener blocks per read, hence how fast it notices a close. */
	private static final int LISTEN_TIMEOUT_MILLIS = 500;

	private final Connection connection;

	private final RelayDoorbell doorbell;

	private final Thread listener;

	private volatile boolean lost;

	private volatile boolean closing;

	private RelayLeadership(Connection connection, RelayDoorbell doorbell) throws SQLException {
		this.connection = connection;
		this.doorbell = doorbell;
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + Outbox.CHANNEL);
		}
		this.listener = Thread.ofVirtual().name("outbox-relay-listener").start(this::listen);
	}

	/**
	 * Tries once to take the lock on {@code candidate}; the connection becomes the
	 * leadership's on success and stays the caller's otherwise.
	 */
	static @Nullable RelayLeadership tryAcquire(Connection candidate, RelayDoorbell doorbell) throws SQLException {
		try (Statement statement = candidate.createStatement();
				ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
			result.next();
			if (!result.getBoolean(1)) {
				return null;
			}
		}
		return new RelayLeadership(candidate, doorbell);
	}

	boolean isHeld() {
		return !this.lost;
	}

	private void listen() {
		try {
			PGConnection postgres = this.connection.unwrap(PGConnection.class);
			while (!this.closing) {
				PGNotification[] notifications = postgres.getNotifications(LISTEN_TIMEOUT_MILLIS);
				if (notifications != null && notifications.length > 0) {
					this.doorbell.ring();
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (!this.closing) {
				logger.warn("Outbox relay lost its leadership connection; publishing stops until it leads again", ex);
				this.lost = true;
				this.doorbell.ring();
			}
		}
	}

	/** Gives the lock up (closing the session frees it even if the unlock fails). */
	@Override
	public void close() {
		this.closing = true;
		try {
			this.listener.join(Duration.ofMillis(LISTEN_TIMEOUT_MILLIS * 4L));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (!this.lost) {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("UNLISTEN *; SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
			}
			catch (SQLException ex) {
				// A pooled connection must not go back to its pool still holding the
				// lock.
				logger.debug("Could not unlock the outbox relay lock; aborting the session frees it", ex);
				abortQuietly(this.connection);
			}
		}
		closeQuietly(this.connection);
	}

	private static void abortQuietly(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException ex) {
			logger.debug("Could not abort a relay connection", ex);
		}
	}

	static void closeQuietly(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Could not close a relay connection", ex);
			}
		}
	}

}
