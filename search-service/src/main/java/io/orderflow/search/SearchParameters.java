package io.orderflow.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.orderflow.web.ApiProblem;
import io.orderflow.web.FieldError;

/**
 * Reads the query parameters of a search, collecting every invalid one, so that a 400
 * lists them all at once.
 */
final class SearchParameters {

	static final int MAX_SIZE = 100;

	/** The engines' default {@code index.max_result_window}: no page reaches past it. */
	static final int MAX_WINDOW = 10_000;

	private final List<FieldError> errors = new ArrayList<>();

	String text(String name, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > maxLength) {
			reject(name, "must be at most " + maxLength + " characters");
			return null;
		}
		return value.strip();
	}

	String required(String name, String value, int maxLength) {
		String text = text(name, value, maxLength);
		if (text == null && (value == null || value.isBlank())) {
			reject(name, "must not be blank");
		}
		return text;
	}

	String oneOf(String name, String value, Set<String> allowed) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String upper = value.strip().toUpperCase(Locale.ROOT);
		if (!allowed.contains(upper)) {
			reject(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
			return null;
		}
		return upper;
	}

	Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Instant.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			reject(name, "must be an ISO-8601 instant, e.g. 2026-11-21T10:15:30Z");
			return null;
		}
	}

	BigDecimal amount(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value.strip());
			if (amount.signum() < 0) {
				reject(name, "must not be negative");
				return null;
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			reject(name, "must be a number");
			return null;
		}
	}

	int page(String value) {
		return integer("page", value, 0, 0, Integer.MAX_VALUE, "must be 0 or more");
	}

	int size(String value) {
		return integer("size", value, 20, 1, MAX_SIZE, "must be between 1 and " + MAX_SIZE);
	}

	/**
	 * {@code field[,asc|desc]} among {@code fields} (API name to index field), or the
	 * default.
	 */
	Sorting sort(String value, Map<String, String> fields, Sorting defaultSort) {
		if (value == null || value.isBlank()) {
			return defaultSort;
		}
		String[] parts = value.strip().split(",", -1);
		String field = fields.get(parts[0].strip());
		String direction = (parts.length > 1) ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
		if (field == null || parts.length > 2 || !Set.of("asc", "desc").contains(direction)) {
			reject("sort", "must be one of " + String.join(", ", fields.keySet().stream().sorted().toList())
					+ ", optionally followed by ,asc or ,desc");
			return defaultSort;
		}
		return new Sorting(field, direction.equals("asc"));
	}

	void check(boolean valid, String field, String message) {
		if (!valid) {
			reject(field, message);
		}
	}

	/** Pages beyond the result window cannot be served by the engine. */
	void checkWindow(int page, int size) {
		check((long) page * size + size <= MAX_WINDOW, "page",
				"page × size must stay within the first " + MAX_WINDOW + " results; narrow the search");
	}

	/**
	 * @throws ApiProblem a 400 listing every invalid parameter
	 */
	void validate() {
		if (!this.errors.isEmpty()) {
			throw ApiProblem
				.badRequest("VALIDATION_FAILED",
						"The request has " + this.errors.size() + " invalid "
								+ ((this.errors.size() == 1) ? "field." : "fields."))
				.with("errors", List.copyOf(this.errors));
		}
	}

	private int integer(String name, String value, int defaultValue, int min, int max, String message) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number < min || number > max) {
				reject(name, message);
				return defaultValue;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			reject(name, message);
			return defaultValue;
		}
	}

	private void reject(String field, String message) {
		this.errors.add(new FieldError(field, message));
	}

}
