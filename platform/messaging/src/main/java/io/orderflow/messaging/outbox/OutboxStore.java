package io.orderflow.messaging.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/** The relay's SQL, on the pool (the leader's own connection only holds the lock). */
final class OutboxStore {

	private static final ObjectReader HEADERS = JsonMapper.shared().readerFor(new TypeReference<Map<String, String>>() {
	});

	/** Served by the partial index on unpublished ids, whatever the retention keeps. */
	private static final String NEXT_BATCH = """
			SELECT id, topic, message_key, message_type, payload, headers, created_at
			FROM outbox_message WHERE published_at IS NULL AND id > ? ORDER BY id LIMIT ?""";

	private static final String MARK_PUBLISHED = """
			UPDATE outbox_message SET published_at = clock_timestamp() WHERE id = ANY(?)""";

	private static final String RECORD_FAILURE = """
			UPDATE outbox_message SET attempts = attempts + 1, last_error = ? WHERE id = ANY(?)""";

	/**
	 * Looks at the oldest rows only (the head of the primary key), so that a run costs
	 * the same however many younger rows the retention keeps: rows are published roughly
	 * in id order, so the head holds the oldest published ones.
	 */
	private static final String DELETE_PUBLISHED = """
			DELETE FROM outbox_message WHERE id IN (
				SELECT id FROM (SELECT id, published_at FROM outbox_message ORDER BY id LIMIT ?) head
				WHERE published_at < clock_timestamp() - ?::interval)""";

	private static final String DELETE_PROCESSED = """
			DELETE FROM processed_message WHERE ctid = ANY(ARRAY(
				SELECT ctid FROM processed_message WHERE processed_at < clock_timestamp() - ?::interval LIMIT ?))""";

	private static final String STATISTICS = """
			SELECT count(*), extract(epoch FROM clock_timestamp() - min(created_at))
			FROM outbox_message WHERE published_at IS NULL""";

	private final JdbcTemplate jdbc;

	OutboxStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The first {@code size} unpublished rows with ids above {@code after}, in id order.
	 */
	List<OutboxRow> nextBatch(long after, int size) {
		return this.jdbc.query(NEXT_BATCH, (rs, row) -> row(rs), after, size);
	}

	private OutboxRow row(ResultSet rs) throws SQLException {
		Timestamp createdAt = rs.getTimestamp(7);
		// The driver hands text over as the UTF-8 bytes it received: the record value as
		// is.
		return new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
				HEADERS.readValue(rs.getString(6)), createdAt.toInstant());
	}

	void markPublished(List<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.execute((Connection connection) -> {
				try (PreparedStatement statement = connection.prepareStatement(MARK_PUBLISHED)) {
					statement.setArray(1, ids(connection, ids));
					return statement.executeUpdate();
				}
			});
		}
	}

	void recordFailure(List<Long> ids, String error) {
		if (!ids.isEmpty()) {
			this.jdbc.execute((Connection connection) -> {
				try (PreparedStatement statement = connection.prepareStatement(RECORD_FAILURE)) {
					statement.setString(1, error);
					statement.setArray(2, ids(connection, ids));
					return statement.executeUpdate();
				}
			});
		}
	}

	private static Array ids(Connection connection, List<Long> ids) throws SQLException {
		return connection.createArrayOf("bigint", ids.toArray());
	}

	/**
	 * Deletes at most {@code limit} published rows older than {@code age}; returns how
	 * many.
	 */
	int deletePublishedOlderThan(Duration age, int limit) {
		return this.jdbc.update(DELETE_PUBLISHED, limit, interval(age));
	}

	/**
	 * Deletes at most {@code limit} inbox rows older than {@code age}; returns how many.
	 */
	int deleteProcessedOlderThan(Duration age, int limit) {
		return this.jdbc.update(DELETE_PROCESSED, interval(age), limit);
	}

	Statistics statistics() {
		return this.jdbc.queryForObject(STATISTICS,
				(rs, row) -> new Statistics(rs.getLong(1), (rs.getObject(2) != null) ? rs.getDouble(2) : 0.0));
	}

	private static String interval(Duration duration) {
		return duration.toMillis() + " milliseconds";
	}

	/** The unpublished rows: how many, and the age of the oldest in seconds. */
	record Statistics(long backlog, double oldestAgeSeconds) {
	}

}
