package io.orderflow.messaging.failure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.orderflow.messaging.envelope.InvalidEnvelopeException;
import io.orderflow.messaging.envelope.InvalidPayloadException;
import io.orderflow.messaging.envelope.UnknownMessageTypeException;
import org.apache.kafka.common.errors.RetriableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ClassUtils;

/**
 * Decides how a listener failure is handled, looking at the whole cause chain: any
 * permanent cause makes the failure permanent (a validation error inside a failed commit
 * is still a validation error), otherwise any transient cause makes it transient,
 * otherwise it is unclassified.
 * <ul>
 * <li><b>Permanent</b>: the record cannot be read (deserialization, unknown message type,
 * missing envelope, invalid payload), Bean Validation and Spring's argument conversion
 * and validation failures, Spring Kafka's own non-retryable defaults, and
 * {@link PermanentMessageFailure} thrown by a handler.</li>
 * <li><b>Transient</b>: the database or a downstream service is unreachable or busy:
 * Spring's transient, recoverable and resource-failure data access exceptions, a
 * transaction that cannot begin, JDBC transient, recoverable and connection exceptions,
 * PostgreSQL SQL states for connection loss, shutdown, resource shortage, serialization
 * failure, deadlock, lock and statement timeouts, network timeouts and refused
 * connections, Kafka's retriable exceptions, and (when on the classpath) HTTP client I/O
 * and 5xx errors and Resilience4j's open circuit or full bulkhead.</li>
 * </ul>
 * A service adds its own with {@link #withPermanent} and {@link #withTransient} in a
 * {@code FailureClassifier} bean.
 */
public final class FailureClassifier {

	/** Loaded by name: each belongs to a library a service may not have. */
	private static final List<String> OPTIONAL_PERMANENT = List.of("jakarta.validation.ValidationException");

	private static final List<String> OPTIONAL_TRANSIENT = List.of(
			"org.springframework.web.client.ResourceAccessException",
			"org.springframework.web.client.HttpServerErrorException",
			"org.springframework.web.reactive.function.client.WebClientRequestException",
			"io.github.resilience4j.circuitbreaker.CallNotPermittedException",
			"io.github.resilience4j.bulkhead.BulkheadFullException");

	/**
	 * PostgreSQL SQL states (and classes, by prefix) of failures that pass: connection
	 * exceptions, insufficient resources, admin or crash shutdown, cannot connect now,
	 * serialization failure, deadlock, lock not available, statement timeout or cancel.
	 */
	private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "53", "57P01", "57P02", "57P03", "40001",
			"40P01", "55P03", "57014");

	private static final int MAX_CAUSES = 32;

	private final Set<Class<? extends Throwable>> permanent;

	private final Set<Class<? extends Throwable>> transientFailures;

	private FailureClassifier(Set<Class<? extends Throwable>> permanent,
			Set<Class<? extends Throwable>> transientFailures) {
		this.permanent = Collections.unmodifiableSet(permanent);
		this.transientFailures = Collections.unmodifiableSet(transientFailures);
	}

	/** The classification described above. */
	public static FailureClassifier standard() {
		Set<Class<? extends Throwable>> permanent = new LinkedHashSet<>(List.of(PermanentMessageFailure.class,
				InvalidEnvelopeException.class, UnknownMessageTypeException.class, InvalidPayloadException.class));
		permanent.addAll(ExceptionClassifier.defaultFatalExceptionsList());
		permanent.addAll(optional(OPTIONAL_PERMANENT));
		Set<Class<? extends Throwable>> transientFailures = new LinkedHashSet<>(List.of(
				TransientDataAccessException.class, RecoverableDataAccessException.class,
				DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
				SQLTransientException.class, SQLRecoverableException.class, SQLNonTransientConnectionException.class,
				ConnectException.class, SocketTimeoutException.class, NoRouteToHostException.class,
				HttpTimeoutException.class, TimeoutException.class, RetriableException.class));
		transientFailures.addAll(optional(OPTIONAL_TRANSIENT));
		return new FailureClassifier(permanent, transientFailures);
	}

	/** This classification plus {@code types} as permanent. */
	@SafeVarargs
	public final FailureClassifier withPermanent(Class<? extends Throwable>... types) {
		Set<Class<? extends Throwable>> permanent = new LinkedHashSet<>(this.permanent);
		permanent.addAll(List.of(types));
		return new FailureClassifier(permanent, this.transientFailures);
	}

	/** This classification plus {@code types} as transient. */
	@SafeVarargs
	public final FailureClassifier withTransient(Class<? extends Throwable>... types) {
		Set<Class<? extends Throwable>> transientFailures = new LinkedHashSet<>(this.transientFailures);
		transientFailures.addAll(List.of(types));
		return new FailureClassifier(this.permanent, transientFailures);
	}

	public FailureKind classify(Throwable failure) {
		List<Throwable> causes = causes(failure);
		if (causes.stream().anyMatch((cause) -> isAny(cause, this.permanent))) {
			return FailureKind.PERMANENT;
		}
		if (causes.stream().anyMatch((cause) -> isAny(cause, this.transientFailures) || isTransientSqlState(cause))) {
			return FailureKind.TRANSIENT;
		}
		return FailureKind.UNCLASSIFIED;
	}

	private static boolean isAny(Throwable failure, Set<Class<? extends Throwable>> types) {
		for (Class<? extends Throwable> type : types) {
			if (type.isInstance(failure)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTransientSqlState(Throwable failure) {
		if (failure instanceof SQLException sql && sql.getSQLState() != null) {
			return TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith);
		}
		return false;
	}

	/** The failure and its causes, without looping on a cyclic chain. */
	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable cause = failure; cause != null && seen.add(cause)
				&& causes.size() < MAX_CAUSES; cause = cause.getCause()) {
			causes.add(cause);
			if (cause instanceof SQLException sql && sql.getNextException() != null) {
				causes.add(sql.getNextException());
			}
		}
		return causes;
	}

	@SuppressWarnings("unchecked")
	private static List<Class<? extends Throwable>> optional(List<String> names) {
		List<Class<? extends Throwable>> present = new ArrayList<>();
		ClassLoader classLoader = FailureClassifier.class.getClassLoader();
		for (String name : names) {
			if (ClassUtils.isPresent(name, classLoader)) {
				present.add((Class<? extends Throwable>) ClassUtils.resolveClassName(name, classLoader));
			}
		}
		return present;
	}

}
