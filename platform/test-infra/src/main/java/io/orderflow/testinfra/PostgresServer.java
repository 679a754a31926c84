package io.orderflow.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A PostgreSQL 17 server. Each test area asks for its own database by name; it is created
 * on first request and then shared, like the server.
 */
public final class PostgresServer extends Server {

	/**
	 * Unquoted PostgreSQL identifiers: lower case so the name needs no quoting in SQL or
	 * URLs.
	 */
	private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	/** Every PostgreSQL cluster has it; connected to only to create the others. */
	private static final String MAINTENANCE_DATABASE = "postgres";

	private static final String DUPLICATE_DATABASE = "42P04";

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	PostgresServer(ServerProcess process, String host, int port, String username, String password) {
		super(process);
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
	}

	/**
	 * The database {@code name}, created if it does not exist yet.
	 * @param name lower-case letters, digits and underscores, as PostgreSQL folds
	 * unquoted names
	 */
	public PostgresDatabase database(String name) {
		if (!DATABASE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain PostgreSQL database name (" + DATABASE_NAME + "): " + name);
		}
		if (!this.created.contains(name)) {
			create(name);
		}
		return new PostgresDatabase(name, jdbcUrl(name), this.username, this.password);
	}

	public String host() {
		return this.host;
	}

	public int port() {
		return this.port;
	}

	/** A superuser, so tests may create schemas, roles and extensions. */
	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	private synchronized void create(String name) {
		if (this.created.contains(name)) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl(MAINTENANCE_DATABASE), this.username,
				this.password); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			// Created before this JVM asked (same data directory after a restart).
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new IllegalStateException("Cannot create database " + name + " on " + this, ex);
			}
		}
		this.created.add(name);
	}

	private String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}

}
