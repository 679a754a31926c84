package io.orderflow.inventory.application;

/** A product with the sku of a new one is in the catalogue already. */
public class ProductAlreadyExistsException extends RuntimeException {

	private final String sku;

	public ProductAlreadyExistsException(String sku) {
		super("Product " + sku + " exists already");
		this.sku = sku;
	}

	public String sku() {
		return this.sku;
	}

}
