package io.orderflow.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderflow.contract.order.OrderConfirmed;
import io.orderflow.testinfra.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.orderflow.notification.OrderNotificationsFlowIT.anOrderId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications the channel did not take, or that nobody sent because the service died
 * after storing them, are sent later with a growing backoff, by one instance at a time,
 * until the attempts run out.
 */
@NotificationIT
class NotificationDeliveryIT {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	private NotificationRepository notifications;

	@Autowired
	private DeliveryRetries retries;

	@Autowired
	private ScriptedChannel channel;

	@Autowired
	private MutableClock clock;

	@Autowired
	private NotificationProperties properties;

	@Autowired
	private MeterRegistry meters;

	@Test
	void retriesAFailedSendWithAGrowingBackoffUntilTheChannelTakesIt() {
		String orderId = anOrderId();
		this.channel.refuse(orderId, 2);
		try (OrderEvents events = new OrderEvents()) {
			events.send(OrderConfirmed.class, orderId, "c-retry");
		}

		awaitPendingAfterAttempt(orderId, 1, Duration.ofMinutes(1));
		this.clock.advance(Duration.ofMinutes(1));
		awaitPendingAfterAttempt(orderId, 2, Duration.ofMinutes(2));
		this.clock.advance(Duration.ofMinutes(2));

		await().atMost(WAIT).untilAsserted(() -> assertThat(notification(orderId)).satisfies((sent) -> {
			assertThat(sent.delivery()).isEqualTo(Notification.Delivery.SENT);
			assertThat(sent.attempts()).isEqualTo(3);
			assertThat(sent.nextAttemptAt()).isNull();
			assertThat(sent.claim()).isNull();
		}));
		assertThat(this.channel.attemptsFor(orderId)).hasSize(3);
		assertThat(this.channel.sentFor(orderId)).hasSize(1);
	}

	@Test
	void givesUpAsFailedAfterTheLastAttemptAndCountsIt() {
		String orderId = anOrderId();
		this.channel.refuseForever(orderId);
		double failedBefore = failedDeliveries();
		try (OrderEvents events = new OrderEvents()) {
			events.send(OrderConfirmed.class, orderId, "c-give-up");
		}

		for (int attempt = 1; attempt < NotificationIT.MAX_ATTEMPTS; attempt++) {
			awaitPendingAfterAttempt(orderId, attempt, this.properties.delivery().backoffAfter(attempt));
			this.clock.advance(this.properties.delivery().maxBackoff());
		}

		await().atMost(WAIT).untilAsserted(() -> assertThat(notification(orderId)).satisfies((failed) -> {
			assertThat(failed.delivery()).isEqualTo(Notification.Delivery.FAILED);
			assertThat(failed.attempts()).isEqualTo(NotificationIT.MAX_ATTEMPTS);
			assertThat(failed.nextAttemptAt()).isNull();
			assertThat(failed.lastError()).contains(ScriptedChannel.REFUSAL);
		}));
		assertThat(failedDeliveries()).isEqualTo(failedBefore + 1);
		this.clock.advance(this.properties.delivery().maxBackoff());
		this.retries.sendDue();
		assertThat(this.channel.attemptsFor(orderId)).hasSize(NotificationIT.MAX_ATTEMPTS);
		assertThat(notification(orderId).delivery()).isEqualTo(Notification.Delivery.FAILED);
	}

	@Test
	void sendsANotificationLeftPendingByAnInstanceThatDiedBeforeSendingIt() {
		// Stored as the listener stores it, claimed for a first send that never happened.
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String orphan = anOrderId();
		this.notifications.insertIfAbsent(Notification.claimedForFirstSend(UUID.randomUUID().toString(),
				UUID.randomUUID().toString(), "demo-client", "c-orphan", orphan, "OrderConfirmed", "Your order", now,
				UUID.randomUUID().toString(), now.plus(this.properties.delivery().lease())));
		// Stored before notifications had a retry schedule at all.
		String legacy = anOrderId();
		this.notifications.insertIfAbsent(
				new Notification(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, "c-orphan", legacy,
						"OrderConfirmed", "Your order", now, Notification.Delivery.PENDING, 0, null, null, null, null));

		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(notification(legacy).delivery()).isEqualTo(Notification.Delivery.SENT));
		assertThat(this.channel.attemptsFor(orphan)).isEmpty();
		this.clock.advance(this.properties.delivery().lease());

		await().atMost(WAIT).untilAsserted(() -> assertThat(notification(orphan)).satisfies((sent) -> {
			assertThat(sent.delivery()).isEqualTo(Notification.Delivery.SENT);
			assertThat(sent.attempts()).isEqualTo(2);
		}));
		assertThat(this.channel.sentFor(orphan)).hasSize(1);
		assertThat(this.channel.sentFor(legacy)).hasSize(1);
	}

	@Test
	void letsOneOfManyConcurrentClaimsHaveADueNotification() throws Exception {
		// Due only at a time the poller's clock has not reached, so the claims below race
		// among themselves alone.
		Instant later = this.clock.instant().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS);
		String orderId = anOrderId();
		String id = UUID.randomUUID().toString();
		this.notifications.insertIfAbsent(
				new Notification(id, UUID.randomUUID().toString(), "demo-client", "c-race", orderId, "OrderConfirmed",
						"Your order", later, Notification.Delivery.PENDING, 1, later, later, null, "refused"));

		int instances = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Optional<Notification>> claims = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(instances)) {
			List<Future<Optional<Notification>>> claiming = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				claiming.add(threads.submit(() -> {
					start.await();
					return this.notifications.claimDue(later.plusSeconds(1), later.plus(Duration.ofDays(1)),
							UUID.randomUUID().toString());
				}));
			}
			start.countDown();
			for (Future<Optional<Notification>> each : claiming) {
				claims.add(each.get());
			}
		}

		List<Notification> ours = claims.stream().flatMap(Optional::stream).filter((n) -> n.id().equals(id)).toList();
		assertThat(ours).singleElement().satisfies((claimed) -> {
			assertThat(claimed.attempts()).isEqualTo(2);
			assertThat(claimed.nextAttemptAt()).isEqualTo(later.plus(Duration.ofDays(1)));
			assertThat(notification(orderId).claim()).isEqualTo(claimed.claim());
		});
	}

	private void awaitPendingAfterAttempt(String orderId, int attempt, Duration backoff) {
		await().atMost(WAIT).untilAsserted(() -> assertThat(notification(orderId)).satisfies((pending) -> {
			assertThat(pending.delivery()).isEqualTo(Notification.Delivery.PENDING);
			assertThat(pending.attempts()).isEqualTo(attempt);
			assertThat(pending.claim()).isNull();
			assertThat(pending.lastError()).contains(ScriptedChannel.REFUSAL);
			assertThat(Duration.between(pending.lastAttemptAt(), pending.nextAttemptAt())).isEqualTo(backoff);
		}));
		assertThat(this.channel.attemptsFor(orderId)).hasSize(attempt);
	}

	private Notification notification(String orderId) {
		return this.notifications.find(orderId, "OrderConfirmed").orElseThrow();
	}

	private double failedDeliveries() {
		return this.meters.get("orderflow.notifications.deliveries").tag("outcome", "failed").counter().count();
	}

}
