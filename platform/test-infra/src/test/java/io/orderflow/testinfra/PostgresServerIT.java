package io.orderflow.testinfra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresServerIT {

	private final PostgresServer postgres = TestInfrastructure.postgres();

	@Test
	void createsADatabaseOnFirstRequestAndHandsTheSameOneOutAgain() throws SQLException {
		PostgresDatabase first = this.postgres.database("created_on_demand");
		PostgresDatabase again = this.postgres.database("created_on_demand");

		assertThat(again).isEqualTo(first);
		try (Connection connection = first.connect()) {
			assertThat(singleString(connection, "SELECT current_database()")).isEqualTo("created_on_demand");
			assertThat(singleString(connection, "SHOW server_version")).startsWith("17.");
		}
	}

	@Test
	void skipsARowAnotherTransactionHoldsForUpdate() throws SQLException {
		PostgresDatabase database = this.postgres.database("skip_locked");
		try (Connection setup = database.connect(); Statement statement = setup.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS deadline");
			statement.execute("CREATE TABLE deadline (id int PRIMARY KEY)");
			statement.execute("INSERT INTO deadline VALUES (1), (2)");
		}
		String claimNext = "SELECT id FROM deadline ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED";
		try (Connection first = database.connect(); Connection second = database.connect()) {
			first.setAutoCommit(false);
			second.setAutoCommit(false);

			assertThat(singleString(first, claimNext)).isEqualTo("1");
			assertThat(singleString(second, claimNext)).isEqualTo("2");

			first.rollback();
			second.rollback();
		}
	}

	@Test
	void keepsCommittedRowsAcrossAStopAndStart() throws SQLException {
		PostgresDatabase database = this.postgres.database("survives_restart");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS outbox");
			statement.execute("CREATE TABLE outbox (payload text)");
			statement.execute("INSERT INTO outbox VALUES ('OrderPlaced')");
		}

		this.postgres.stop();
		assertThat(this.postgres.isRunning()).isFalse();
		this.postgres.start();

		try (Connection connection = database.connect()) {
			assertThat(singleString(connection, "SELECT payload FROM outbox")).isEqualTo("OrderPlaced");
		}
	}

	@Test
	void recoversCommittedRowsAfterItWasKilled() throws SQLException {
		PostgresDatabase database = this.postgres.database("survives_kill");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS outbox");
			statement.execute("CREATE TABLE outbox (payload text)");
			statement.execute("INSERT INTO outbox VALUES ('PaymentCharged')");
		}

		this.postgres.kill();
		assertThat(this.postgres.isRunning()).isFalse();
		this.postgres.start();

		try (Connection connection = database.connect()) {
			assertThat(singleString(connection, "SELECT payload FROM outbox")).isEqualTo("PaymentCharged");
		}
	}

	private static String singleString(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
