/**
 * The use cases, one transaction each: the catalogue (create, price, stock, pages) and
 * the saga's reserve, release and commit; every change of a product is announced through
 * {@link io.orderflow.inventory.application.ProductChanges} in the same transaction.
 */
package io.orderflow.inventory.application;
