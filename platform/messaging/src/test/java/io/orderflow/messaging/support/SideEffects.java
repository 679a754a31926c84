package io.orderflow.messaging.support;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** A handler's side effect in the database: one row per effect, countable per message. */
public final class SideEffects {

	private final JdbcTemplate jdbc;

	SideEffects(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		jdbc.execute("CREATE TABLE IF NOT EXISTS side_effect (id bigserial PRIMARY KEY, message_id uuid NOT NULL, "
				+ "description text NOT NULL)");
	}

	public void record(UUID messageId, String description) {
		this.jdbc.update("INSERT INTO side_effect (message_id, description) VALUES (?, ?)", messageId, description);
	}

	public int count(UUID messageId) {
		return this.jdbc.queryForObject("SELECT count(*) FROM side_effect WHERE message_id = ?", Integer.class,
				messageId);
	}

}
