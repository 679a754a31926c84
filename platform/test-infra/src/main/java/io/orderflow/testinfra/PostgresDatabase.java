package io.orderflow.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One database on the shared {@link PostgresServer}, with everything a client needs. */
public record PostgresDatabase(String name, String jdbcUrl, String username, String password) {

	/** A new connection (auto-commit on); the caller closes it. */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.username, this.password);
	}

}
