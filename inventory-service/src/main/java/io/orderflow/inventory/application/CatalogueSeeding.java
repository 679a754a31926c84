package io.orderflow.inventory.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Fills an empty catalogue at start from the list at
 * {@code orderflow.inventory.catalogue}, through {@link ProductManagement#create} like
 * {@code POST /api/v1/products}, so every seeded product is announced (and searchable)
 * like any other. Instances starting together may both find the catalogue empty; a
 * product the other one added first is skipped.
 */
@Component
class CatalogueSeeding implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(CatalogueSeeding.class);

	private final ProductManagement catalogue;

	private final InventoryProperties properties;

	private final ResourceLoader resources;

	private final JsonMapper json;

	CatalogueSeeding(ProductManagement catalogue, InventoryProperties properties, ResourceLoader resources,
			JsonMapper json) {
		this.catalogue = catalogue;
		this.properties = properties;
		this.resources = resources;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.seedCatalogue() || !this.catalogue.isEmpty()) {
			return;
		}
		List<NewProduct> products = read(this.resources.getResource(this.properties.catalogue()));
		int created = 0;
		for (NewProduct product : products) {
			try {
				this.catalogue.create(product);
				created++;
			}
			catch (ProductAlreadyExistsException ex) {
				logger.debug("Product " + ex.sku() + " was seeded by another instance");
			}
		}
		logger.info("Seeded the empty catalogue with " + created + " products from " + this.properties.catalogue());
	}

	private List<NewProduct> read(Resource resource) {
		try (InputStream input = resource.getInputStream()) {
			return this.json.readValue(input, new TypeReference<List<NewProduct>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the catalogue to seed from " + resource, ex);
		}
	}

}
