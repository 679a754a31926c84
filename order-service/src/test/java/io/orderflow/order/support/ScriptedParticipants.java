package io.orderflow.order.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.orderflow.contract.inventory.CommitStock;
import io.orderflow.contract.inventory.InventoryCommand;
import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.PricedLine;
import io.orderflow.contract.inventory.ReleaseStock;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.inventory.StockCommitted;
import io.orderflow.contract.inventory.StockLine;
import io.orderflow.contract.inventory.StockReleased;
import io.orderflow.contract.inventory.StockReservationFailed;
import io.orderflow.contract.inventory.StockReserved;
import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.PaymentCharged;
import io.orderflow.contract.payment.PaymentCommand;
import io.orderflow.contract.payment.PaymentDeclined;
import io.orderflow.contract.payment.PaymentEvent;
import io.orderflow.contract.payment.PaymentRefunded;
import io.orderflow.contract.payment.RefundPayment;
import io.orderflow.messaging.envelope.Envelope;
import io.orderflow.messaging.envelope.MessageCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Inventory and payment as the flow tests script them: they consume the saga's commands
 * from Kafka and answer on their events topics with real envelope headers, deciding by
 * the order's skus and payment token.
 * <ul>
 * <li>sku {@code OOS-*}: out of stock; {@code NOPE-*}: unknown product; {@code SILENT-*}:
 * ReserveStock goes unanswered; any other sku is reserved at 10.00 EUR a unit;</li>
 * <li>a sku in {@link #ignoreReleasesOf(String)}: ReleaseStock goes unanswered;</li>
 * <li>token {@code tok_visa}: charged; {@code tok_chargeDeclined}: declined;
 * {@code tok_silent}: ChargePayment goes unanswered;</li>
 * <li>RefundPayment: refunded, the charged amount or zero.</li>
 * </ul>
 */
public class ScriptedParticipants {

	static final BigDecimal UNIT_PRICE = new BigDecimal("10.00");

	private final KafkaProducer<String, byte[]> producer;

	private final MessageCodec codec;

	private final Map<String, List<Object>> commands = new ConcurrentHashMap<>();

	private final Map<String, List<StockLine>> reservations = new ConcurrentHashMap<>();

	private final Map<String, BigDecimal> charges = new ConcurrentHashMap<>();

	private final Set<String> unansweredReleases = ConcurrentHashMap.newKeySet();

	ScriptedParticipants(KafkaProducer<String, byte[]> producer, MessageCodec codec) {
		this.producer = producer;
		this.codec = codec;
	}

	/** Every command the saga sent about {@code orderId}, in arrival order. */
	public List<Object> commandsFor(String orderId) {
		return List.copyOf(this.commands.getOrDefault(orderId, List.of()));
	}

	public void ignoreReleasesOf(String sku) {
		this.unansweredReleases.add(sku);
	}

	public void answerReleasesOf(String sku) {
		this.unansweredReleases.remove(sku);
	}

	@KafkaListener(topics = InventoryCommand.TOPIC, groupId = "scripted-inventory", concurrency = "1")
	void onInventoryCommand(ConsumerRecord<String, InventoryCommand> record) {
		InventoryCommand command = record.value();
		received(command.orderId(), command);
		switch (command) {
			case ReserveStock reserve -> reserve(reserve, record);
			case ReleaseStock release -> release(release, record);
			case CommitStock commit -> answer(record,
					new StockCommitted(commit.orderId(), this.reservations.getOrDefault(commit.orderId(), List.of())));
		}
	}

	@KafkaListener(topics = PaymentCommand.TOPIC, groupId = "scripted-payment", concurrency = "1")
	void onPaymentCommand(ConsumerRecord<String, PaymentCommand> record) {
		PaymentCommand command = record.value();
		received(command.orderId(), command);
		switch (command) {
			case ChargePayment charge -> charge(charge, record);
			case RefundPayment refund -> {
				BigDecimal charged = this.charges.getOrDefault(refund.orderId(), BigDecimal.ZERO);
				answer(record, new PaymentRefunded(refund.orderId(), "pay-" + refund.orderId(), charged, "EUR",
						"re-" + refund.orderId()));
			}
		}
	}

	private void reserve(ReserveStock reserve, ConsumerRecord<String, ?> record) {
		List<String> skus = reserve.lines().stream().map(StockLine::sku).toList();
		if (skus.stream().anyMatch((sku) -> sku.startsWith("SILENT-"))) {
			return;
		}
		List<String> unknown = skus.stream().filter((sku) -> sku.startsWith("NOPE-")).toList();
		List<String> short_ = skus.stream().filter((sku) -> sku.startsWith("OOS-")).toList();
		if (!unknown.isEmpty()) {
			answer(record, new StockReservationFailed(reserve.orderId(), "UNKNOWN_PRODUCT", unknown));
		}
		else if (!short_.isEmpty()) {
			answer(record, new StockReservationFailed(reserve.orderId(), "OUT_OF_STOCK", short_));
		}
		else {
			this.reservations.put(reserve.orderId(), reserve.lines());
			List<PricedLine> priced = reserve.lines()
				.stream()
				.map((line) -> new PricedLine(line.sku(), "Product " + line.sku(), line.quantity(), UNIT_PRICE))
				.toList();
			BigDecimal total = priced.stream()
				.map((line) -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			answer(record, new StockReserved(reserve.orderId(), priced, total, "EUR"));
		}
	}

	private void release(ReleaseStock release, ConsumerRecord<String, ?> record) {
		List<StockLine> reserved = this.reservations.getOrDefault(release.orderId(), List.of());
		if (reserved.stream().anyMatch((line) -> this.unansweredReleases.contains(line.sku()))) {
			return;
		}
		this.reservations.remove(release.orderId());
		answer(record, new StockReleased(release.orderId(), reserved));
	}

	private void charge(ChargePayment charge, ConsumerRecord<String, ?> record) {
		switch (charge.paymentToken()) {
			case "tok_silent" -> {
			}
			case "tok_chargeDeclined" -> answer(record,
					new PaymentDeclined(charge.orderId(), "pay-" + charge.orderId(), "CARD_DECLINED", "card_declined"));
			default -> {
				this.charges.put(charge.orderId(), charge.amount());
				answer(record, paymentCharged(charge.orderId(), charge.amount()));
			}
		}
	}

	public static PaymentCharged paymentCharged(String orderId, BigDecimal amount) {
		return new PaymentCharged(orderId, "pay-" + orderId, amount, "EUR", "ch-" + orderId);
	}

	/**
	 * Publishes {@code event} as its participant would: keyed by the order id, with a new
	 * message id, its logical type, the time and the order as correlation id.
	 * @return the message id
	 */
	public UUID publish(String orderId, Object event) {
		return publish(orderId, event, null);
	}

	private void answer(ConsumerRecord<String, ?> command, Object event) {
		String orderId = command.key();
		publish(orderId, event, Envelope.of(command.headers()).messageId().toString());
	}

	private UUID publish(String orderId, Object event, String causationId) {
		MessageCodec.Encoded encoded = this.codec.encode(event);
		UUID messageId = UUID.randomUUID();
		RecordHeaders headers = new RecordHeaders();
		headers.add(Envelope.MESSAGE_ID, bytes(messageId.toString()));
		headers.add(Envelope.MESSAGE_TYPE, bytes(encoded.type()));
		headers.add(Envelope.OCCURRED_AT, bytes(Instant.now().toString()));
		headers.add(Envelope.CORRELATION_ID, bytes(orderId));
		if (causationId != null) {
			headers.add(Envelope.CAUSATION_ID, bytes(causationId));
		}
		String topic = (event instanceof PaymentEvent) ? PaymentEvent.TOPIC : InventoryEvent.TOPIC;
		send(new ProducerRecord<>(topic, null, orderId, bytes(encoded.json()), headers));
		return messageId;
	}

	/** Sends a record exactly as given, however broken. */
	public void send(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send " + record, ex);
		}
	}

	private void received(String orderId, Object command) {
		this.commands.computeIfAbsent(orderId, (id) -> new CopyOnWriteArrayList<>()).add(command);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
