package io.orderflow.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.orderflow.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CursorsTests {

	@Test
	void continuesAfterThePositionItWasMadeFrom() {
		NotificationRepository.Position last = new NotificationRepository.Position(
				Instant.parse("2026-12-06T13:00:25.123Z"), UUID.randomUUID().toString());

		String cursor = Cursors.after(last);

		assertThat(Cursors.positionOf(cursor)).hasValue(last);
		assertThat(cursor).doesNotContain(last.id()).matches("[A-Za-z0-9_-]+");
	}

	@ParameterizedTest
	@NullAndEmptySource
	void startsAtTheNewestWithoutACursor(String cursor) {
		assertThat(Cursors.positionOf(cursor)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-cursor!", "bm90IGEgY3Vyc29y", "%%%", "1733490025123", "abc:def" })
	void refusesACursorItDidNotHandOut(String cursor) {
		assertInvalid(cursor);
	}

	@Test
	void refusesAWellEncodedCursorWithAForeignKey() {
		assertInvalid(encode("yesterday:" + UUID.randomUUID()));
		assertInvalid(encode("1733490025123:not-a-uuid"));
		assertInvalid(encode("1733490025123"));
	}

	private static void assertInvalid(String cursor) {
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> Cursors.positionOf(cursor))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(problem.code()).isEqualTo("INVALID_CURSOR");
			});
	}

	private static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

}
