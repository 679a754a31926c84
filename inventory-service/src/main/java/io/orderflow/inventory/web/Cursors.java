package io.orderflow.inventory.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.orderflow.inventory.domain.Product;
import io.orderflow.web.ApiProblem;

/**
 * Keyset cursors: the last sku of a page, opaque to clients so the key can change without
 * breaking them.
 */
final class Cursors {

	private Cursors() {
	}

	static String after(String sku) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(sku.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The sku a cursor continues after.
	 * @throws ApiProblem 400 {@code INVALID_CURSOR} for anything this API did not hand
	 * out
	 */
	static Optional<String> skuOf(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return Optional.empty();
		}
		String sku;
		try {
			sku = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			ApiProblem invalid = invalidCursor();
			invalid.initCause(ex);
			throw invalid;
		}
		if (!Product.SKU.matcher(sku).matches()) {
			throw invalidCursor();
		}
		return Optional.of(sku);
	}

	private static ApiProblem invalidCursor() {
		return ApiProblem.badRequest("INVALID_CURSOR", "The cursor is not one this API handed out.");
	}

}
