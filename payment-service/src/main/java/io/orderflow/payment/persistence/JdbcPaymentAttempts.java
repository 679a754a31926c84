package io.orderflow.payment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import io.orderflow.payment.domain.PaymentAttempt;
import io.orderflow.payment.domain.PaymentAttempt.Operation;
import io.orderflow.payment.domain.PaymentAttempt.Outcome;
import io.orderflow.payment.domain.PaymentAttempts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code payment_attempt} log. Append-only: this class only ever inserts (a trigger
 * refuses UPDATE, DELETE and TRUNCATE besides).
 * <p>
 * Each attempt commits in a transaction of its own ({@code REQUIRES_NEW}, on a connection
 * of its own), not in the caller's: the caller is usually the inbox's transaction of a
 * command, which rolls back when the provider's answer is unknown so that the command is
 * retried. Written in that transaction, the attempts that explain the retry (the
 * timeouts, the refused connections) would vanish with it, and the next try could not
 * tell that an earlier call may have charged.
 */
@Repository
class JdbcPaymentAttempts implements PaymentAttempts {

	private static final int MAX_ERROR_LENGTH = 1000;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	JdbcPaymentAttempts(DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.jdbc = JdbcClient.create(dataSource);
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void record(PaymentAttempt attempt) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				INSERT INTO payment_attempt (order_id, operation, idempotency_key, outcome, http_status,
				    provider_reference, error, started_at, duration_ms)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(attempt.orderId(), attempt.operation().name(), attempt.idempotencyKey(), attempt.outcome().name(),
					attempt.httpStatus(), attempt.providerReference(), truncated(attempt.error()),
					OffsetDateTime.ofInstant(attempt.startedAt(), ZoneOffset.UTC), attempt.duration().toMillis())
			.update());
	}

	@Override
	public List<PaymentAttempt> forOrder(String orderId) {
		return this.jdbc.sql("""
				SELECT id, order_id, operation, idempotency_key, outcome, http_status, provider_reference, error,
				    started_at, duration_ms
				FROM payment_attempt WHERE order_id = ? ORDER BY id""")
			.param(orderId)
			.query(JdbcPaymentAttempts::attempt)
			.list();
	}

	@Override
	public boolean anyFor(String orderId, Operation operation) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment_attempt WHERE order_id = ? AND operation = ?)")
			.params(orderId, operation.name())
			.query(Boolean.class)
			.single();
	}

	private static PaymentAttempt attempt(ResultSet row, int number) throws SQLException {
		return new PaymentAttempt(row.getLong("id"), row.getString("order_id"),
				Operation.valueOf(row.getString("operation")), row.getString("idempotency_key"),
				Outcome.valueOf(row.getString("outcome")), row.getObject("http_status", Integer.class),
				row.getString("provider_reference"), row.getString("error"),
				row.getObject("started_at", OffsetDateTime.class).toInstant(),
				Duration.ofMillis(row.getLong("duration_ms")));
	}

	private static String truncated(String error) {
		return (error != null && error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error;
	}

}
