package io.orderflow.order.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.orderflow.order.domain.OrderId;
import io.orderflow.order.domain.OrderRepository.Position;

/**
 * The opaque {@code cursor} of the order listing: the position of the last order of a
 * page, base64url-encoded so that clients pass it back rather than build one.
 */
final class Cursor {

	private static final Pattern FORMAT = Pattern.compile("v1:(-?\\d{1,19}):([0-9a-f-]{36})");

	private Cursor() {
	}

	static String encode(Position position) {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, position.createdAt());
		String text = "v1:" + micros + ":" + position.orderId();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The position {@code cursor} stands for, or empty when it is not a cursor. */
	static Optional<Position> decode(String cursor) {
		String text;
		try {
			text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		Matcher matcher = FORMAT.matcher(text);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			Instant createdAt = Instant.EPOCH.plus(Long.parseLong(matcher.group(1)), ChronoUnit.MICROS);
			return OrderId.parse(matcher.group(2)).map((orderId) -> new Position(createdAt, orderId));
		}
		catch (ArithmeticException | NumberFormatException | java.time.DateTimeException ex) {
			return Optional.empty();
		}
	}

}
