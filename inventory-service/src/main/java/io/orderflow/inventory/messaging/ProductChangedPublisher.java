package io.orderflow.inventory.messaging;

import io.orderflow.contract.inventory.InventoryEvent;
import io.orderflow.contract.inventory.ProductChanged;
import io.orderflow.inventory.application.ProductChanges;
import io.orderflow.inventory.domain.Product;
import io.orderflow.messaging.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * Publishes the whole new state of a product, keyed by sku so a product's states arrive
 * in order; the version lets a consumer drop a state older than one it has.
 */
@Component
class ProductChangedPublisher implements ProductChanges {

	private final Outbox outbox;

	ProductChangedPublisher(Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public void changed(Product product) {
		this.outbox.send(InventoryEvent.TOPIC, product.sku(),
				new ProductChanged(product.sku(), product.name(), product.description(), product.category(),
						product.price(), product.currency(), product.available(), product.reserved(), product.sold(),
						product.updatedAt(), product.version()));
	}

}
