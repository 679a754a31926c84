package io.orderflow.notification;

import java.time.Duration;
import java.util.Optional;

import io.orderflow.notification.NotificationRepository.Inserts;
import io.orderflow.notification.NotificationRepository.ResumePoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link NotificationStream} with every notification any instance stores, read from
 * MongoDB's change stream of the collection: a subscriber connected to one instance sees
 * what the others store, which a fan-out inside the storing JVM would miss. A broken
 * change stream (MongoDB restarting) is opened again a second later, resuming after the
 * last change seen.
 * <p>
 * A loop on a thread of its own rather than Spring Data's
 * {@code DefaultMessageListenerContainer}: that container ends a subscription on an error
 * and leaves reopening it, with the resume token, to the caller, which is all this class
 * does.
 */
@Component
class NotificationFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(NotificationFeed.class);

	private static final Duration REOPEN_AFTER = Duration.ofSeconds(1);

	/**
	 * mongo-java-server answers an empty poll at once, unlike MongoDB, which holds it up
	 * to a second: the pause keeps the loop from spinning there.
	 */
	private static final Duration IDLE_PAUSE = Duration.ofMillis(50);

	private final NotificationRepository notifications;

	private final NotificationStream stream;

	private volatile boolean running;

	private Thread feeder;

	NotificationFeed(NotificationRepository notifications, NotificationStream stream) {
		this.notifications = notifications;
		this.stream = stream;
	}

	@Override
	public void start() {
		this.running = true;
		this.feeder = Thread.ofVirtual().name("notification-feed").start(this::feed);
	}

	@Override
	public void stop() {
		this.running = false;
		this.feeder.interrupt();
		try {
			this.feeder.join(REOPEN_AFTER.multipliedBy(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void feed() {
		Optional<ResumePoint> resumeAfter = Optional.empty();
		boolean broken = false;
		while (this.running) {
			try (Inserts inserts = this.notifications.watchInserts(resumeAfter)) {
				if (broken) {
					logger.info("Notification feed open again");
					broken = false;
				}
				while (this.running) {
					Optional<Notification> inserted = inserts.next();
					Optional<ResumePoint> seen = inserts.resumePoint();
					if (seen.isPresent()) {
						resumeAfter = seen;
					}
					if (inserted.isPresent()) {
						this.stream.publish(inserted.get());
					}
					else {
						pause(IDLE_PAUSE);
					}
				}
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				if (!broken) {
					logger.warn("Notification feed broken, live streams wait until it is open again: {}",
							ex.toString());
				}
				// A resume token the server no longer knows would fail every reopen:
				// resume once, then start from now.
				resumeAfter = broken ? Optional.empty() : resumeAfter;
				broken = true;
				pause(REOPEN_AFTER);
			}
		}
	}

	private void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			// stop() interrupts; the loop sees running is false.
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

}
