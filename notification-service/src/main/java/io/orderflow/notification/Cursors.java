package io.orderflow.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.orderflow.web.ApiProblem;

/**
 * Keyset cursors: the creation time and id of the last notification of a page, opaque to
 * clients so the key can change without breaking them.
 */
final class Cursors {

	private Cursors() {
	}

	static String after(NotificationRepository.Position position) {
		String key = position.createdAt().toEpochMilli() + ":" + position.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The position a cursor continues after.
	 * @throws ApiProblem 400 {@code INVALID_CURSOR} for anything this API did not hand
	 * out
	 */
	static Optional<NotificationRepository.Position> positionOf(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return Optional.empty();
		}
		try {
			String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int separator = key.indexOf(':');
			Instant createdAt = Instant.ofEpochMilli(Long.parseLong(key.substring(0, separator)));
			String id = UUID.fromString(key.substring(separator + 1)).toString();
			return Optional.of(new NotificationRepository.Position(createdAt, id));
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			ApiProblem invalid = ApiProblem.badRequest("INVALID_CURSOR", "The cursor is not one this API handed out.");
			invalid.initCause(ex);
			throw invalid;
		}
	}

}
