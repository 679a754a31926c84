package io.orderflow.notification;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

	private final NotificationRepository notifications;

	private final NotificationStream stream;

	NotificationController(NotificationRepository notifications, NotificationStream stream) {
		this.notifications = notifications;
		this.stream = stream;
	}

	/** A customer's notifications, newest first. */
	@GetMapping
	NotificationResponse.Page history(@RequestParam @NotBlank @Size(max = 255) String customerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor) {
		// One more than asked tells whether there is a next page without a count.
		List<Notification> found = this.notifications.history(customerId, Cursors.positionOf(cursor), limit + 1);
		List<Notification> page = found.subList(0, Math.min(limit, found.size()));
		String next = (found.size() > limit)
				? Cursors.after(NotificationRepository.Position.of(page.get(page.size() - 1))) : null;
		return new NotificationResponse.Page(page.stream().map(NotificationResponse::of).toList(), next);
	}

	/** The customer's notifications stored from now on, as server-sent events. */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam @NotBlank @Size(max = 255) String customerId) {
		return this.stream.subscribe(customerId);
	}

}
