package io.orderflow.notification;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel that takes every notification, except those of orders a test told it to
 * refuse a number of times first; it records every send it is asked for.
 */
final class ScriptedChannel implements NotificationChannel {

	static final String REFUSAL = "scripted refusal: mailbox unavailable";

	private final Map<String, Integer> refusalsLeft = new ConcurrentHashMap<>();

	private final List<Notification> attempts = new CopyOnWriteArrayList<>();

	private final List<Notification> sent = new CopyOnWriteArrayList<>();

	/** Refuses the next {@code times} sends of {@code orderId}'s notifications. */
	void refuse(String orderId, int times) {
		this.refusalsLeft.put(orderId, times);
	}

	void refuseForever(String orderId) {
		refuse(orderId, Integer.MAX_VALUE);
	}

	@Override
	public void send(Notification notification) {
		this.attempts.add(notification);
		Integer left = this.refusalsLeft.computeIfPresent(notification.orderId(), (key, times) -> times - 1);
		if (left != null && left >= 0) {
			throw new IllegalStateException(REFUSAL);
		}
		this.sent.add(notification);
	}

	List<Notification> attemptsFor(String orderId) {
		return this.attempts.stream().filter((each) -> each.orderId().equals(orderId)).toList();
	}

	List<Notification> sentFor(String orderId) {
		return this.sent.stream().filter((each) -> each.orderId().equals(orderId)).toList();
	}

}
