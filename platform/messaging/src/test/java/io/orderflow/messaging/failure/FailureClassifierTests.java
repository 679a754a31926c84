package io.orderflow.messaging.failure;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.orderflow.messaging.envelope.InvalidEnvelopeException;
import io.orderflow.messaging.envelope.InvalidPayloadException;
import io.orderflow.messaging.envelope.UnknownMessageTypeException;
import jakarta.validation.ConstraintViolationException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureClassifierTests {

	private final FailureClassifier classifier = FailureClassifier.standard();

	@Test
	void classifiesRecordsThatCannotBeReadAsPermanent() {
		assertThat(this.classifier.classify(new DeserializationException("bad", new byte[0], false,
				new UnknownMessageTypeException("Unknown message type 'X'"))))
			.isEqualTo(FailureKind.PERMANENT);
		assertThat(this.classifier.classify(new UnknownMessageTypeException("x"))).isEqualTo(FailureKind.PERMANENT);
		assertThat(this.classifier.classify(new InvalidEnvelopeException("x"))).isEqualTo(FailureKind.PERMANENT);
		assertThat(this.classifier.classify(new InvalidPayloadException("x", null))).isEqualTo(FailureKind.PERMANENT);
		assertThat(this.classifier.classify(new MessageConversionException("x"))).isEqualTo(FailureKind.PERMANENT);
	}

	@Test
	void classifiesValidationAndTheHandlersOwnVerdictAsPermanent() {
		assertThat(this.classifier.classify(new ConstraintViolationException("amount must be positive", null)))
			.isEqualTo(FailureKind.PERMANENT);
		assertThat(this.classifier.classify(new PermanentMessageFailure("order unknown")))
			.isEqualTo(FailureKind.PERMANENT);
	}

	@Test
	void looksThroughTheListenerContainersWrapper() {
		assertThat(this.classifier
			.classify(new ListenerExecutionFailedException("failed", new PermanentMessageFailure("no"))))
			.isEqualTo(FailureKind.PERMANENT);
		assertThat(this.classifier.classify(
				new ListenerExecutionFailedException("failed", new CannotCreateTransactionException("no connection"))))
			.isEqualTo(FailureKind.TRANSIENT);
	}

	@Test
	void classifiesAnUnreachableDatabaseAsTransient() {
		assertThat(this.classifier.classify(new CannotCreateTransactionException("Could not open JDBC Connection",
				new SQLTransientConnectionException("pool - Connection is not available"))))
			.isEqualTo(FailureKind.TRANSIENT);
		assertThat(this.classifier.classify(new CannotGetJdbcConnectionException("x", new SQLException("x"))))
			.isEqualTo(FailureKind.TRANSIENT);
		assertThat(this.classifier.classify(new DataAccessResourceFailureException("x")))
			.isEqualTo(FailureKind.TRANSIENT);
		assertThat(this.classifier.classify(new QueryTimeoutException("x"))).isEqualTo(FailureKind.TRANSIENT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "08001", "08006", "57P01", "57P03", "53300", "40001", "40P01", "55P03", "57014" })
	void classifiesPostgresStatesOfPassingTroubleAsTransient(String sqlState) {
		SQLException postgres = new SQLException("from PostgreSQL", sqlState);

		assertThat(this.classifier.classify(new TransactionSystemException("Could not commit", postgres)))
			.isEqualTo(FailureKind.TRANSIENT);
	}

	@Test
	void classifiesNetworkTroubleAndKafkasRetriableErrorsAsTransient() {
		assertThat(this.classifier.classify(new IllegalStateException("downstream", new ConnectException("refused"))))
			.isEqualTo(FailureKind.TRANSIENT);
		assertThat(this.classifier.classify(new NotLeaderOrFollowerException("moving")))
			.isEqualTo(FailureKind.TRANSIENT);
	}

	@Test
	void letsAPermanentCauseWinOverATransientWrapper() {
		Exception failedCommit = new TransactionSystemException("Could not commit",
				new ConstraintViolationException("sku must not be blank", null));

		assertThat(this.classifier.classify(failedCommit)).isEqualTo(FailureKind.PERMANENT);
	}

	@Test
	void leavesEverythingElseUnclassified() {
		assertThat(this.classifier.classify(new IllegalStateException("bug"))).isEqualTo(FailureKind.UNCLASSIFIED);
		assertThat(this.classifier.classify(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isEqualTo(FailureKind.UNCLASSIFIED);
	}

	@Test
	void takesAServicesOwnClassifications() {
		FailureClassifier extended = this.classifier.withTransient(ProviderBusy.class)
			.withPermanent(ProviderRefused.class);

		assertThat(extended.classify(new ProviderBusy())).isEqualTo(FailureKind.TRANSIENT);
		assertThat(extended.classify(new ProviderRefused())).isEqualTo(FailureKind.PERMANENT);
		assertThat(this.classifier.classify(new ProviderBusy())).isEqualTo(FailureKind.UNCLASSIFIED);
	}

	@Test
	void survivesACyclicCauseChain() {
		CyclicFailure first = new CyclicFailure();
		CyclicFailure second = new CyclicFailure();
		first.causedBy(second);
		second.causedBy(first);

		assertThat(this.classifier.classify(first)).isEqualTo(FailureKind.UNCLASSIFIED);
	}

	static class ProviderBusy extends RuntimeException {

	}

	static class ProviderRefused extends RuntimeException {

	}

	static class CyclicFailure extends RuntimeException {

		private Throwable cause;

		void causedBy(Throwable cause) {
			this.cause = cause;
		}

		@Override
		public synchronized Throwable getCause() {
			return this.cause;
		}

	}

}
