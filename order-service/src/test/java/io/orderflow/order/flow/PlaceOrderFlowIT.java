package io.orderflow.order.flow;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.contract.inventory.CommitStock;
import io.orderflow.contract.inventory.ReleaseStock;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.contract.order.OrderCancelled;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.contract.order.OrderEvent;
import io.orderflow.contract.order.OrderPlaced;
import io.orderflow.contract.payment.ChargePayment;
import io.orderflow.contract.payment.RefundPayment;
import io.orderflow.order.support.Api;
import io.orderflow.testinfra.MutableClock;
import io.orderflow.order.support.OrderEventsRecorder;
import io.orderflow.order.support.OrderServiceIT;
import io.orderflow.order.support.ScriptedParticipants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.order.support.Api.orderBody;
import static io.orderflow.order.support.Flows.PATIENCE;
import static io.orderflow.order.support.Flows.awaitCommands;
import static io.orderflow.order.support.Flows.awaitOrder;
import static io.orderflow.order.support.Flows.awaitSaga;
import static io.orderflow.order.support.Flows.count;
import static io.orderflow.order.support.Flows.key;
import static io.orderflow.order.support.Flows.sku;
import static io.orderflow.order.support.Flows.steps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga end to end through Kafka: orders placed over HTTP, participants answering on
 * their topics, deadlines passing when the test moves the clock.
 */
@OrderServiceIT
class PlaceOrderFlowIT {

	/** Past every default deadline (30 s). */
	private static final Duration PAST_THE_DEADLINE = Duration.ofSeconds(31);

	@LocalServerPort
	private int port;

	@Autowired
	private ScriptedParticipants participants;

	@Autowired
	private OrderEventsRecorder orderEvents;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	private Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@Test
	void confirmsAnOrderOnceStockIsReservedAndPaymentCharged() {
		String sku = sku("CUP");
		String orderId = this.api.placeOrder(key(), orderBody("c-happy", "tok_visa", sku, 2));

		String order = awaitOrder(this.api, orderId, "CONFIRMED");

		assertThat(JsonPath.<Double>read(order, "$.total")).isEqualTo(20.00);
		assertThat(JsonPath.<String>read(order, "$.currency")).isEqualTo("EUR");
		assertThat(JsonPath.<String>read(order, "$.items[0].name")).isEqualTo("Product " + sku);
		assertThat(JsonPath.<Integer>read(order, "$.version")).isEqualTo(2);
		assertThat(JsonPath.<String>read(order, "$.sagaState")).isEqualTo("CONFIRMED");
		List<Object> commands = awaitCommands(this.participants, orderId,
				(sent) -> count(sent, CommitStock.class) == 1);
		assertThat(commands).map(Object::getClass)
			.containsExactly(ReserveStock.class, ChargePayment.class, CommitStock.class);
		assertThat(commands.get(1))
			.isEqualTo(new ChargePayment(orderId, "c-happy", new BigDecimal("20.00"), "EUR", "tok_visa"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.orderEvents.eventsOf(orderId)).map(Object::getClass)
				.containsExactly(OrderPlaced.class, OrderConfirmed.class));
		OrderConfirmed confirmed = (OrderConfirmed) this.orderEvents.eventsOf(orderId).get(1);
		assertThat(confirmed.total()).isEqualByComparingTo("20.00");
		assertThat(confirmed.version()).isEqualTo(2);
		assertThat(confirmed.owner()).as("the client that placed it, for the projections").isEqualTo(Api.CLIENT);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(steps(this.api.saga(orderId))).containsExactly("PLACE_ORDER STARTED",
					"RESERVE_STOCK SUCCEEDED", "CHARGE_PAYMENT SUCCEEDED", "COMMIT_STOCK SUCCEEDED"));
	}

	@Test
	void cancelsAnOrderWhoseStockIsShortWithoutTouchingPayment() {
		String orderId = this.api.placeOrder(key(), orderBody("c-short", "tok_visa", sku("OOS"), 1));

		String order = awaitOrder(this.api, orderId, "CANCELLED");

		assertThat(JsonPath.<String>read(order, "$.cancellationReason")).isEqualTo("OUT_OF_STOCK");
		assertThat(JsonPath.<Object>read(order, "$.total")).isNull();
		assertThat(this.participants.commandsFor(orderId)).map(Object::getClass).containsExactly(ReserveStock.class);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.orderEvents.eventsOf(orderId)).map(Object::getClass)
				.containsExactly(OrderPlaced.class, OrderCancelled.class));
	}

	@Test
	void acceptsAnUnknownProductAndCancelsTheOrderOnceInventorySaysSo() {
		String orderId = this.api.placeOrder(key(), orderBody("c-unknown", "tok_visa", sku("NOPE"), 1));

		String order = awaitOrder(this.api, orderId, "CANCELLED");

		assertThat(JsonPath.<String>read(order, "$.cancellationReason")).isEqualTo("UNKNOWN_PRODUCT");
	}

	@Test
	void releasesTheStockOfADeclinedPaymentThenCancels() {
		String orderId = this.api.placeOrder(key(), orderBody("c-declined", "tok_chargeDeclined", sku("CUP"), 1));

		String order = awaitOrder(this.api, orderId, "CANCELLED");

		assertThat(JsonPath.<String>read(order, "$.cancellationReason")).isEqualTo("PAYMENT_DECLINED");
		assertThat(JsonPath.<String>read(order, "$.cancellationDetail")).isEqualTo("CARD_DECLINED: card_declined");
		assertThat(this.participants.commandsFor(orderId)).map(Object::getClass)
			.containsExactly(ReserveStock.class, ChargePayment.class, ReleaseStock.class);
		assertThat(this.participants.commandsFor(orderId).get(2))
			.isEqualTo(new ReleaseStock(orderId, "PAYMENT_DECLINED"));
	}

	@Test
	void releasesAndCancelsWhenInventoryNeverAnswers() {
		String orderId = this.api.placeOrder(key(), orderBody("c-silent", "tok_visa", sku("SILENT"), 1));
		awaitCommands(this.participants, orderId, (sent) -> count(sent, ReserveStock.class) == 1);

		this.clock.advance(PAST_THE_DEADLINE);

		String order = awaitOrder(this.api, orderId, "CANCELLED");
		assertThat(JsonPath.<String>read(order, "$.cancellationReason")).isEqualTo("TIMEOUT");
		assertThat(this.participants.commandsFor(orderId))
			.containsExactly(this.participants.commandsFor(orderId).getFirst(), new ReleaseStock(orderId, "TIMEOUT"));
		assertThat(steps(this.api.saga(orderId))).containsExactly("PLACE_ORDER STARTED", "RESERVE_STOCK TIMED_OUT",
				"RELEASE_STOCK SUCCEEDED");
		assertThat(this.meters.get("orderflow.saga.deadlines.fired").tag("state", "RESERVING_STOCK").counter().count())
			.isPositive();
	}

	@Test
	void refundsAChargeThatArrivesAfterATimeoutCancelledTheOrder() {
		String orderId = this.api.placeOrder(key(), orderBody("c-late", "tok_silent", sku("CUP"), 3));
		awaitCommands(this.participants, orderId, (sent) -> count(sent, ChargePayment.class) == 1);
		this.clock.advance(PAST_THE_DEADLINE);
		awaitOrder(this.api, orderId, "CANCELLED");
		assertThat(this.participants.commandsFor(orderId)).contains(new RefundPayment(orderId, "TIMEOUT"),
				new ReleaseStock(orderId, "TIMEOUT"));

		this.participants.publish(orderId, ScriptedParticipants.paymentCharged(orderId, new BigDecimal("30.00")));

		awaitCommands(this.participants, orderId, (sent) -> sent.contains(new RefundPayment(orderId, "LATE_CHARGE")));
		String saga = awaitSaga(this.api, orderId, "CANCELLED");
		assertThat(steps(saga)).endsWith("CHARGE_PAYMENT COMPENSATING_LATE_REPLY", "REFUND_PAYMENT SUCCEEDED");
		String order = this.api.order(orderId);
		assertThat(JsonPath.<String>read(order, "$.status")).isEqualTo("CANCELLED");
		assertThat(JsonPath.<String>read(order, "$.cancellationReason")).isEqualTo("TIMEOUT");
		assertThat(this.orderEvents.eventsOf(orderId)).as("cancelled once")
			.filteredOn(OrderCancelled.class::isInstance)
			.hasSize(1);
	}

	@Test
	void parksASagaWhoseCompensationGoesUnansweredUntilAnOperatorResumesIt() {
		String sku = sku("STUCK");
		this.participants.ignoreReleasesOf(sku);
		String orderId = this.api.placeOrder(key(), orderBody("c-stuck", "tok_chargeDeclined", sku, 1));
		awaitCommands(this.participants, orderId, (sent) -> count(sent, ReleaseStock.class) == 1);
		for (int attempt = 2; attempt <= 3; attempt++) {
			int sends = attempt;
			this.clock.advance(PAST_THE_DEADLINE);
			awaitCommands(this.participants, orderId, (sent) -> count(sent, ReleaseStock.class) == sends);
		}
		this.clock.advance(PAST_THE_DEADLINE);

		String parked = awaitSaga(this.api, orderId, "COMPENSATION_FAILED");
		assertThat(JsonPath.<List<String>>read(parked, "$.pendingCompensations")).containsExactly("RELEASE_STOCK");
		assertThat(JsonPath.<Object>read(parked, "$.deadline")).isNull();
		assertThat(JsonPath.<String>read(this.api.order(orderId), "$.status")).isEqualTo("PENDING");
		assertThat(this.meters.get("orderflow.saga.parked").gauge().value()).isPositive();

		this.participants.answerReleasesOf(sku);
		var resumed = this.api.asOperator().post("/api/v1/orders/" + orderId + "/saga/resume");

		assertThat(resumed.statusCode()).isEqualTo(202);
		assertThat(JsonPath.<String>read(resumed.body(), "$.state")).isEqualTo("COMPENSATING");
		String order = awaitOrder(this.api, orderId, "CANCELLED");
		assertThat(JsonPath.<String>read(order, "$.cancellationReason")).isEqualTo("PAYMENT_DECLINED");
		assertThat(steps(this.api.saga(orderId))).endsWith("COMPENSATE PARKED", "COMPENSATE RESUMED",
				"RELEASE_STOCK SUCCEEDED");
		var again = this.api.asOperator().post("/api/v1/orders/" + orderId + "/saga/resume");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(JsonPath.<String>read(again.body(), "$.code")).isEqualTo("SAGA_NOT_PARKED");
	}

	@Test
	void publishesEveryOrderEventKeyedByTheOrderWithTheVersionAfterTheChange() {
		String orderId = this.api.placeOrder(key(), orderBody("c-events", "tok_visa", sku("CUP"), 1));
		awaitOrder(this.api, orderId, "CONFIRMED");

		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.orderEvents.eventsOf(orderId)).hasSize(2));
		assertThat(this.orderEvents.eventsOf(orderId)).extracting(OrderEvent::orderId, OrderEvent::version)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(orderId, 0L),
					org.assertj.core.groups.Tuple.tuple(orderId, 2L));
	}

}
