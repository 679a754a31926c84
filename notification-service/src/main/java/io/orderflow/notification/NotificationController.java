package io.orderflow.notification;

import java.util.List;

import io.orderflow.web.ApiProblem;
import io.orderflow.web.security.CurrentClient;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
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

	/**
	 * A customer's notifications from the caller's orders, newest first, or from every
	 * client's for an operator, who may narrow them to one client's with {@code owner}.
	 */
	@GetMapping
	NotificationResponse.Page history(@RequestParam @NotBlank @Size(max = 255) String customerId,
			@RequestParam(required = false) @Size(max = 255) String owner,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor, CurrentClient client) {
		Visibility visibility = visibility(client, owner);
		// One more than asked tells whether there is a next page without a count.
		List<Notification> found = this.notifications.history(customerId, visibility, Cursors.positionOf(cursor),
				limit + 1);
		List<Notification> page = found.subList(0, Math.min(limit, found.size()));
		String next = (found.size() > limit)
				? Cursors.after(NotificationRepository.Position.of(page.get(page.size() - 1))) : null;
		return new NotificationResponse.Page(page.stream().map(NotificationResponse::of).toList(), next);
	}

	/**
	 * The customer's notifications stored from now on, as server-sent events, with the
	 * same visibility as the history.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam @NotBlank @Size(max = 255) String customerId,
			@RequestParam(required = false) @Size(max = 255) String owner, CurrentClient client) {
		return this.stream.subscribe(customerId, visibility(client, owner));
	}

	/**
	 * A client sees the notifications of its own orders only, so asking for another
	 * client's is refused rather than silently answered with its own.
	 */
	static Visibility visibility(CurrentClient client, String owner) {
		if (client.isAdmin()) {
			return (owner != null) ? Visibility.ownedBy(owner) : Visibility.everyOwner();
		}
		if (owner != null && !owner.equals(client.id())) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "FORBIDDEN",
					"Only operators (scope admin) read the notifications of other clients.");
		}
		return Visibility.ownedBy(client.id());
	}

}
