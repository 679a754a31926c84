package io.orderflow.inventory.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orderflow.inventory.*}.
 *
 * @param seedCatalogue whether an empty catalogue is filled at start, so a fresh stack
 * has products to order and search
 * @param catalogue where the products to seed are listed (a Spring resource location)
 */
@ConfigurationProperties("orderflow.inventory")
public record InventoryProperties(@DefaultValue("true") boolean seedCatalogue,
		@DefaultValue("classpath:catalogue.json") String catalogue) {
}
