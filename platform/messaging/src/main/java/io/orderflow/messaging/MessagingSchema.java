package io.orderflow.messaging;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;

/**
 * The module's tables ({@code outbox_message}, {@code processed_message}), created and
 * migrated by Flyway at start, before the outbox and the relay are used.
 * <p>
 * The scripts live in a location of their own and are recorded in a history table of
 * their own ({@value #HISTORY_TABLE}): a service's Flyway keeps {@code
 * db/migration} and {@code flyway_schema_history} with its own {@code V1__},
 * {@code V2__}, and the two version sequences never meet. Baseline at version 0 lets the
 * module's migrations run in a schema that already holds the service's tables.
 */
public final class MessagingSchema implements InitializingBean {

	public static final String HISTORY_TABLE = "flyway_messaging_history";

	public static final String LOCATION = "classpath:io/orderflow/messaging/db";

	private final DataSource dataSource;

	private final boolean migrate;

	public MessagingSchema(DataSource dataSource, boolean migrate) {
		this.dataSource = dataSource;
		this.migrate = migrate;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.migrate) {
			Flyway.configure()
				.dataSource(this.dataSource)
				.locations(LOCATION)
				.table(HISTORY_TABLE)
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
		}
	}

}
