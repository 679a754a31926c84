package io.orderflow.order.domain;

import java.util.List;

import io.orderflow.order.domain.OrderRequest.Item;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderRequestTests {

	private static final OrderRequest REQUEST = new OrderRequest("c-1",
			List.of(new Item("SKU-1", 2), new Item("SKU-2", 1)), "tok_visa");

	@Test
	void hasAStableFingerprint() {
		assertThat(REQUEST.fingerprint()).hasSize(64)
			.isEqualTo(new OrderRequest("c-1", List.of(new Item("SKU-1", 2), new Item("SKU-2", 1)), "tok_visa")
				.fingerprint());
	}

	@Test
	void fingerprintsTheItemsAsASet() {
		OrderRequest reordered = new OrderRequest("c-1", List.of(new Item("SKU-2", 1), new Item("SKU-1", 2)),
				"tok_visa");

		assertThat(reordered.fingerprint()).isEqualTo(REQUEST.fingerprint());
	}

	@Test
	void fingerprintsEveryValue() {
		assertThat(List.of(new OrderRequest("c-2", REQUEST.items(), "tok_visa"),
				new OrderRequest("c-1", List.of(new Item("SKU-1", 3), new Item("SKU-2", 1)), "tok_visa"),
				new OrderRequest("c-1", List.of(new Item("SKU-1", 2), new Item("SKU-3", 1)), "tok_visa"),
				new OrderRequest("c-1", List.of(new Item("SKU-1", 2)), "tok_visa"),
				new OrderRequest("c-1", REQUEST.items(), "tok_chargeDeclined")))
			.extracting(OrderRequest::fingerprint)
			.doesNotContain(REQUEST.fingerprint())
			.doesNotHaveDuplicates();
	}

	@Test
	void cannotBeFooledByValuesThatReadAlike() {
		OrderRequest skuEndingInADigit = new OrderRequest("c-1", List.of(new Item("SKU-1", 23)), "tok_visa");
		OrderRequest quantityStartingWithIt = new OrderRequest("c-1", List.of(new Item("SKU-12", 3)), "tok_visa");
		OrderRequest separatorInACustomerId = new OrderRequest("c-1\npaymentToken=x", List.of(new Item("SKU-1", 1)),
				"tok_visa");
		OrderRequest separatorElsewhere = new OrderRequest("c-1", List.of(new Item("SKU-1", 1)),
				"x\ncustomerId=tok_visa");

		assertThat(skuEndingInADigit.fingerprint()).isNotEqualTo(quantityStartingWithIt.fingerprint());
		assertThat(separatorInACustomerId.fingerprint()).isNotEqualTo(separatorElsewhere.fingerprint());
	}

	@Test
	void writesItsCanonicalFormWithLengthsAndSortedItems() {
		OrderRequest request = new OrderRequest("c-1", List.of(new Item("B", 1), new Item("AA", 2)), "tok_x");

		assertThat(request.canonicalForm()).isEqualTo("""
				customerId=3:c-1
				item=2:AA quantity=2
				item=1:B quantity=1
				paymentToken=5:tok_x
				""");
	}

	@Test
	void keepsTheRequestedLineOrderForTheOrder() {
		OrderRequest request = new OrderRequest("c-1", List.of(new Item("SKU-B", 1), new Item("SKU-A", 2)), "tok_x");

		assertThat(request.lines()).extracting(OrderLine::sku).containsExactly("SKU-B", "SKU-A");
	}

	@Test
	void namesEachSkuOnce() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OrderRequest("c-1", List.of(new Item("SKU-1", 1), new Item("SKU-1", 1)), "tok_visa"));
	}

}
