package io.orderflow.stack.node.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * One database per service, owned by a login role of the same name whose password is that
 * name too: every service connects as itself, as it would to a managed server.
 * Idempotent, so it runs at every start.
 */
final class Databases {

	/** Names end up in DDL, where they cannot be bind parameters. */
	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private Databases() {
	}

	static void ensure(DataSource admin, List<String> names) throws SQLException {
		for (String name : names) {
			if (!IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain lower-case identifier: " + name);
			}
		}
		try (Connection connection = admin.getConnection(); Statement ddl = connection.createStatement()) {
			for (String name : names) {
				String role = exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", name) ? "ALTER" : "CREATE";
				ddl.execute(role + " ROLE \"" + name + "\" LOGIN PASSWORD '" + name + "'");
				if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
					ddl.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + name + "\"");
				}
			}
		}
	}

	private static boolean exists(Connection connection, String query, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

}
