package io.orderflow.order.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.orderflow.contract.inventory.ReleaseStock;
import io.orderflow.contract.inventory.ReserveStock;
import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderRequest;
import io.orderflow.order.support.Api;
import io.orderflow.testinfra.MutableClock;
import io.orderflow.order.support.OrderServiceIT;
import io.orderflow.order.support.ScriptedParticipants;
import io.orderflow.testinfra.TestTraces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.orderflow.order.support.Api.orderBody;
import static io.orderflow.order.support.Flows.awaitCommands;
import static io.orderflow.order.support.Flows.awaitOrder;
import static io.orderflow.order.support.Flows.count;
import static io.orderflow.order.support.Flows.key;
import static io.orderflow.order.support.Flows.sku;
import static io.orderflow.order.support.Flows.steps;
import static org.assertj.core.api.Assertions.assertThat;

/** The use cases on their own, where HTTP and Kafka cannot reach what matters. */
@OrderServiceIT
class SagaDeadlinesIT {

	@LocalServerPort
	private int port;

	@Autowired
	private SagaDeadlines deadlines;

	@Autowired
	private OrderManagement management;

	@Autowired
	private OrderQueries queries;

	@Autowired
	private ScriptedParticipants participants;

	@Autowired
	private MutableClock clock;

	@Autowired
	private TestTraces traces;

	private Api api;

	@BeforeEach
	void api() {
		this.api = new Api(this.port);
	}

	@Test
	void firesADueDeadlineOnceWhenSchedulersRaceForIt() throws Exception {
		String orderId = this.api.placeOrder(key(), orderBody("c-race", "tok_visa", sku("SILENT"), 1));
		awaitCommands(this.participants, orderId, (sent) -> count(sent, ReserveStock.class) == 1);
		CyclicBarrier together = new CyclicBarrier(2);

		this.clock.advance(Duration.ofSeconds(31));
		List<Integer> fired = new ArrayList<>();
		try (ExecutorService schedulers = Executors.newFixedThreadPool(2)) {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int scheduler = 0; scheduler < 2; scheduler++) {
				runs.add(schedulers.submit(() -> {
					together.await();
					return this.deadlines.fireDue();
				}));
			}
			for (Future<Integer> run : runs) {
				fired.add(run.get());
			}
		}

		awaitOrder(this.api, orderId, "CANCELLED");
		assertThat(fired).as("deadlines fired by the two racing schedulers")
			.allSatisfy((count) -> assertThat(count).isLessThanOrEqualTo(1));
		assertThat(steps(this.api.saga(orderId))).filteredOn((step) -> step.endsWith("TIMED_OUT"))
			.containsExactly("RESERVE_STOCK TIMED_OUT");
		assertThat(this.participants.commandsFor(orderId)).filteredOn(ReleaseStock.class::isInstance)
			.containsExactly(new ReleaseStock(orderId, "TIMEOUT"));
	}

	@Test
	void keepsTheTraceOfThePlacingRequestWithTheSaga() {
		Span request = this.traces.tracer("test").spanBuilder("POST /api/v1/orders").startSpan();
		Placement placement;
		try (Scope scope = request.makeCurrent()) {
			placement = this.management.place(new IdempotencyKey(Api.CLIENT, key()),
					new OrderRequest("c-trace", List.of(new OrderRequest.Item(sku("CUP"), 1)), "tok_visa"),
					(order) -> new StoredResponse(202, "/api/v1/orders/" + order.id(), "{}"));
		}
		finally {
			request.end();
		}

		String location = ((Placement.Accepted) placement).response().location();
		OrderId orderId = OrderId.parse(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
		assertThat(this.queries.saga(orderId, new Caller(Api.CLIENT, false))).hasValueSatisfying(
				(saga) -> assertThat(saga.saga().traceId()).isEqualTo(request.getSpanContext().getTraceId()));
		awaitOrder(this.api, orderId.toString(), "CONFIRMED");
	}

}
