package io.orderflow.inventory.application;

import io.orderflow.inventory.domain.Product;

/**
 * Announces the new state of a product, in the transaction that changed it, so that the
 * announcement is made if and only if the change commits.
 */
public interface ProductChanges {

	void changed(Product product);

}
