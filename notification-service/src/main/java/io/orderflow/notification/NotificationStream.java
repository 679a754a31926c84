package io.orderflow.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live notifications per customer: every notification stored by any instance reaches the
 * subscribers of this one through {@link NotificationFeed}.
 */
@Component
class NotificationStream {

	private static final Duration TIMEOUT = Duration.ofMinutes(30);

	private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

	/**
	 * Streams the customer's notifications that {@code visibility} shows, from now on.
	 */
	SseEmitter subscribe(String customerId, Visibility visibility) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Subscriber subscriber = new Subscriber(emitter, visibility);
		Set<Subscriber> emitters = this.subscribers.computeIfAbsent(customerId, (key) -> ConcurrentHashMap.newKeySet());
		emitters.add(subscriber);
		Runnable remove = () -> emitters.remove(subscriber);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		try {
			// Commits the response now, so the client sees the stream open before the
			// first notification.
			emitter.send(SseEmitter.event().comment("subscribed"));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	void publish(Notification notification) {
		Set<Subscriber> emitters = this.subscribers.get(notification.customerId());
		if (emitters == null) {
			return;
		}
		for (Subscriber subscriber : emitters) {
			if (!subscriber.visibility().shows(notification)) {
				continue;
			}
			try {
				subscriber.emitter()
					.send(SseEmitter.event()
						.id(notification.id())
						.name("notification")
						.data(NotificationResponse.of(notification), MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				// The client went away; the next publish must not try it again.
				emitters.remove(subscriber);
			}
		}
	}

	/**
	 * Ends every stream when the service stops: graceful shutdown waits for open
	 * requests, and a stream would otherwise keep it waiting until its timeout. Clients
	 * reconnect, to another instance if there is one.
	 */
	@EventListener(ContextClosedEvent.class)
	void completeAll() {
		this.subscribers.values().forEach((subscribers) -> subscribers.forEach((each) -> each.emitter().complete()));
		this.subscribers.clear();
	}

	private record Subscriber(SseEmitter emitter, Visibility visibility) {

	}

}
