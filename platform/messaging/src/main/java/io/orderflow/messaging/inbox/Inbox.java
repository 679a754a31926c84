package io.orderflow.messaging.inbox;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles each message once, however often Kafka delivers it:
 *
 * <pre class="code">
 * &#64;KafkaListener(topics = "inventory.events", groupId = "order-service")
 * void on(ConsumerRecord&lt;String, InventoryEvent&gt; record) {
 *     inbox.receive(record, (event) -&gt; switch (event) {
 *         case StockReserved reserved -&gt; saga.on(reserved);
 *         case StockReservationFailed failed -&gt; saga.on(failed);
 *     });
 * }
 * </pre>
 *
 * In one transaction (the caller's, if one is active), the message id is inserted into
 * {@code processed_message} first, with {@code ON CONFLICT DO NOTHING}, and the handler
 * runs only if that inserted a row; its database changes and outbox messages commit or
 * roll back together with the id. There is no check-then-insert race: a concurrent
 * duplicate blocks on the primary key until the first transaction ends, then inserts
 * nothing and is skipped, or, if the first rolled back, inserts and runs. A skipped
 * duplicate is acknowledged like a handled message.
 * <p>
 * While the handler runs, {@link MessageContext#current()} is the message's envelope, so
 * what it sends through the outbox is caused by this message and inherits its correlation
 * id and idempotency key.
 */
public class Inbox {

	private static final Log logger = LogFactory.getLog(Inbox.class);

	private static final String RECORD_PROCESSED = """
			INSERT INTO processed_message (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING""";

	private final TransactionTemplate transactions;

	private final JdbcTemplate jdbc;

	private final MeterRegistry registry;

	public Inbox(TransactionTemplate transactions, JdbcTemplate jdbc, MeterRegistry registry) {
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.registry = registry;
	}

	/**
	 * {@link #receive(String, ConsumerRecord, Consumer)} with the listener's consumer
	 * group as the consumer name.
	 * @throws IllegalStateException when not called on a listener thread
	 */
	public <T> boolean receive(ConsumerRecord<?, ? extends T> record, Consumer<? super T> handler) {
		String group = KafkaUtils.getConsumerGroupId();
		if (group == null) {
			throw new IllegalStateException("No consumer group on this thread: outside a @KafkaListener, "
					+ "name the consumer with receive(consumer, record, handler)");
		}
		return receive(group, record, handler);
	}

	/**
	 * Runs {@code handler} with the record's value unless {@code consumer} has processed
	 * this message id before.
	 * @param consumer whose processing this is: one name per logical consumer, stable
	 * across releases
	 * @return whether the handler ran (false for a duplicate)
	 * @throws io.orderflow.messaging.envelope.InvalidEnvelopeException when the record
	 * has no valid message id (a permanent failure)
	 */
	public <T> boolean receive(String consumer, ConsumerRecord<?, ? extends T> record, Consumer<? super T> handler) {
		Envelope envelope = Envelope.of(record.headers());
		Boolean handled = this.transactions.execute((status) -> {
			if (this.jdbc.update(RECORD_PROCESSED, consumer, envelope.messageId()) == 0) {
				return false;
			}
			MessageContext.callWith(envelope, () -> {
				handler.accept(record.value());
				return null;
			});
			return true;
		});
		if (!Boolean.TRUE.equals(handled)) {
			logger.debug(consumer + " skipped duplicate " + envelope.messageType() + " " + envelope.messageId());
			this.registry.counter("orderflow.inbox.duplicates", "consumer", consumer).increment();
			return false;
		}
		return true;
	}

}
