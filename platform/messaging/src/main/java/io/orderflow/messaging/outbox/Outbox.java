package io.orderflow.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.orderflow.messaging.envelope.MessageCodec;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records messages to publish in the caller's database transaction, so that they are
 * published if and only if the transaction commits:
 *
 * <pre class="code">
 * &#64;Transactional
 * public void reserve(ReserveStock command) {
 *     ... change state ...
 *     outbox.send("inventory.events", command.orderId(), new StockReserved(...));
 * }
 * </pre>
 *
 * {@code send} only inserts a row; the {@link OutboxRelay} publishes it after the commit.
 * The headers of DESIGN.md §2 are filled in here: a new message id, the logical type, the
 * time, the current OpenTelemetry trace context and, while a handler runs under the
 * inbox, the causation id, correlation id and idempotency key of the message being
 * handled. Explicit {@code headers} override the inherited ones.
 */
public class Outbox {

	/** The PostgreSQL channel a relay leader in another instance listens on. */
	static final String CHANNEL = "orderflow_outbox";

	/** Kafka's legal topic names. */
	private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

	private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '')";

	private static final String INSERT = """
			INSERT INTO outbox_message (topic, message_key, message_type, payload, headers)
			VALUES (?, ?, ?, ?, ?::json)""";

	private final JdbcTemplate jdbc;

	private final MessageCodec codec;

	private final JsonMapper json;

	private final Clock clock;

	private final RelayDoorbell doorbell;

	private final long maxPayloadBytes;

	/** Marks a transaction that already has its wake-up registered. */
	private final Object wakeUpRegistered = new Object();

	public Outbox(JdbcTemplate jdbc, MessageCodec codec, Clock clock, RelayDoorbell doorbell, long maxPayloadBytes) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.json = codec.mapper();
		this.clock = clock;
		this.doorbell = doorbell;
		this.maxPayloadBytes = maxPayloadBytes;
	}

	/** {@link #send(String, String, Object, Map)} without extra headers. */
	public UUID send(String topic, String key, Object message) {
		return send(topic, key, message, Map.of());
	}

	/**
	 * Records {@code message} for publication to {@code topic} under {@code key}, in the
	 * current transaction.
	 * @param key the partitioning key (the order id for the saga): only messages with one
	 * key are kept in order
	 * @param headers extra headers, or overrides of the inherited correlation id,
	 * causation id and idempotency key
	 * @return the message id
	 * @throws IllegalStateException when no transaction is active: a message written
	 * outside the transaction of its state change could be published for a change that
	 * never happened, or lost for one that did
	 * @throws io.orderflow.messaging.envelope.UnknownMessageTypeException when the
	 * message's class is not registered in a {@code MessageTypes} bean
	 */
	public UUID send(String topic, String key, Object message, Map<String, String> headers) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.send needs an active transaction: the message must commit or "
					+ "roll back with the state change that caused it (annotate the use case with @Transactional)");
		}
		if (!TOPIC.matcher(topic).matches()) {
			throw new IllegalArgumentException("Not a legal Kafka topic name: '" + topic + "'");
		}
		if (key == null || key.isEmpty()) {
			throw new IllegalArgumentException("Every message needs a key: per-key order is the only order there is");
		}
		MessageCodec.Encoded encoded = this.codec.encode(message);
		// A row Kafka would refuse would block every row behind it: refuse it here, where
		// the caller can still handle it.
		if (encoded.json().length() * 3L > this.maxPayloadBytes
				&& encoded.json().getBytes(StandardCharsets.UTF_8).length > this.maxPayloadBytes) {
			throw new IllegalArgumentException(encoded.type() + " is larger than the outbox allows ("
					+ this.maxPayloadBytes + " bytes, orderflow.messaging.outbox.max-payload-size)");
		}
		UUID messageId = MessageIds.next(this.clock);
		Map<String, String> envelope = OutgoingHeaders.of(messageId, encoded.type(), this.clock.instant(), headers);
		this.jdbc.update(INSERT, topic, key, encoded.type(), encoded.json(), this.json.writeValueAsString(envelope));
		registerWakeUp();
		return messageId;
	}

	/**
	 * Once per transaction: after the commit, ring the relay of this JVM; before it, when
	 * the leader is elsewhere, {@code pg_notify} so that it wakes (PostgreSQL delivers
	 * the notification at commit and drops it on rollback). Skipping the notification
	 * when the leader is here spares every commit the lock NOTIFY takes; a leadership
	 * change in between costs at most one poll interval.
	 */
	private void registerWakeUp() {
		if (TransactionSynchronizationManager.hasResource(this.wakeUpRegistered)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(this.wakeUpRegistered, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				if (!Outbox.this.doorbell.isLeaderHere()) {
					Outbox.this.jdbc.execute(NOTIFY);
				}
			}

			@Override
			public void afterCommit() {
				Outbox.this.doorbell.ring();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this.wakeUpRegistered);
			}

		});
	}

}
