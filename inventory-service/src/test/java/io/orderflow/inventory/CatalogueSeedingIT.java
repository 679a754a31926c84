package io.orderflow.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.inventory.application.ProductManagement;
import io.orderflow.inventory.domain.Product;
import io.orderflow.inventory.support.InventoryIT;
import io.orderflow.inventory.support.TopicLog;
import io.orderflow.messaging.envelope.MessageCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test context starts on an empty database with seeding on, as the embedded stack.
 */
@InventoryIT
class CatalogueSeedingIT {

	@Autowired
	private ProductManagement products;

	@Autowired
	private MessageCodec codec;

	@Test
	void fillsTheEmptyCatalogueFromTheListAndAnnouncesEveryProduct() throws IOException {
		List<JsonNode> listed = listed();
		Set<String> skus = listed.stream().map((product) -> product.get("sku").asString()).collect(Collectors.toSet());
		assertThat(skus).hasSizeGreaterThanOrEqualTo(20);
		assertThat(listed.stream().map((product) -> product.get("category").asString()).distinct())
			.hasSizeGreaterThanOrEqualTo(4);

		for (JsonNode entry : listed) {
			Product product = this.products.find(entry.get("sku").asString()).orElseThrow();
			assertThat(product.name()).isEqualTo(entry.get("name").asString());
			assertThat(product.price()).isEqualByComparingTo(entry.get("price").decimalValue());
			assertThat(product.available()).isBetween(50, 500);
		}
		try (TopicLog events = TopicLog.of(InventoryEvent.TOPIC, this.codec)) {
			List<ProductChanged> announced = events.awaitAll(
					(read) -> read.stream().map(TopicLog.Received::key).collect(Collectors.toSet()).containsAll(skus))
				.stream()
				.filter((record) -> skus.contains(record.key()) && record.as(ProductChanged.class).version() == 1)
				.map((record) -> record.as(ProductChanged.class))
				.toList();
			assertThat(announced).extracting(ProductChanged::sku).containsExactlyInAnyOrderElementsOf(skus);
		}
	}

	private static List<JsonNode> listed() throws IOException {
		try (InputStream catalogue = new ClassPathResource("catalogue.json").getInputStream()) {
			return JsonMapper.shared().readTree(catalogue).valueStream().toList();
		}
	}

}
